export * from "./org";
export * from "./audit";
export * from "./boards";
export * from "./notifications";
export * from "./deconfliction";
export * from "./chat";
export * from "./integration";
