// Who is signed in, shared by every page: {user, superuser, csrfToken}.
import { createContext, useContext } from "./html.js";

export const SessionContext = createContext({ session: null, signOut: () => {} });

export function useSession() {
  return useContext(SessionContext);
}

// Owners and the superuser manage an organization's plugins and integrations.
export function canManage(session, organization) {
  return Boolean(session && (session.superuser || (organization && organization.role === "owner")));
}
