// What a national system's token may do. `check` consults (checks, hit reads);
// `register` writes (targets, planned actions, hit status).
export const API_TOKEN_SCOPES = ["check", "register"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** A token's state as lists show it; derived from its row and the clock, never stored. */
export const API_TOKEN_STATES = ["active", "expired", "revoked"] as const;
export type ApiTokenState = (typeof API_TOKEN_STATES)[number];
