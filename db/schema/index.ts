export * from "./org";
export * from "./audit";
