/* The dependency missing_dependency.so links against but cannot find. */
int ihp_vanishing_answer(void);
int ihp_vanishing_answer(void) { return 42; }
