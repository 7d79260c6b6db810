// The app's rendering toolkit: Preact with htm's tagged templates (no build
// step), re-exported so pages import one module.
import { h, render, Fragment, createContext } from "/vendor/preact.mjs";
import {
  useState, useEffect, useRef, useCallback, useContext, useMemo, useId,
} from "/vendor/preact-hooks.mjs";
import htm from "/vendor/htm.mjs";

export const html = htm.bind(h);
export {
  h, render, Fragment, createContext, useState, useEffect, useRef, useCallback, useContext, useMemo, useId,
};
