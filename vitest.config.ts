import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(__dirname, "app") } },
  test: {
    include: ["tests/**/*.test.ts", "app/**/*.test.ts", "db/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // Two test files at a time even on a 2-CPU machine (the default would be one):
    // much of a file's time is spent waiting on PostgreSQL, Chromium or a socket.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    minWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ["default"],
    sequence: { hooks: "list" },
    // On CI a failed test is run once more before it counts: browser tests
    // drive a real Chromium against a real server on a shared 2-CPU machine.
    // A test that fails twice still fails the run.
    retry: process.env.CI ? 1 : 0,
  },
});
