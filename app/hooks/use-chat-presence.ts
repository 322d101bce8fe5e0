// Who is online, for the whole tab: one `presence:watch` list per socket (the server
// replaces it on every call), made of what every mounted component asked for.
// Also the reader's own status: "away" after five minutes without input.
import { useEffect, useSyncExternalStore } from "react";
import type { PresenceStatus } from "../domain/chat/types";
import type { LiveSocket } from "./live-channel";
import { getSocket } from "./use-socket";

export const IDLE_MS = 5 * 60_000;

class PresenceStore {
  private statuses = new Map<string, PresenceStatus>();
  private wanted = new Map<string, number>();
  private listeners = new Set<() => void>();
  private socket: LiveSocket | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private version = 0;

  attach(socket: LiveSocket) {
    if (this.socket === socket) return;
    this.socket = socket;
    socket.on("presence", ({ userId, status }) => {
      this.statuses.set(userId, status);
      this.changed();
    });
    // a new connection has no watch list yet
    socket.on("connect", () => this.flush());
    socket.on("disconnect", () => {
      // while we cannot hear, nobody is known to be online
      this.statuses.clear();
      this.changed();
    });
    if (socket.connected) this.schedule();
  }

  private changed() {
    this.version++;
    for (const fn of this.listeners) fn();
  }

  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  getVersion = () => this.version;
  status(userId: string): PresenceStatus {
    return this.statuses.get(userId) ?? "offline";
  }

  watch(ids: string[]) {
    for (const id of ids) this.wanted.set(id, (this.wanted.get(id) ?? 0) + 1);
    this.schedule();
    return () => {
      for (const id of ids) {
        const n = (this.wanted.get(id) ?? 1) - 1;
        if (n > 0) this.wanted.set(id, n);
        else this.wanted.delete(id);
      }
      this.schedule();
    };
  }

  // several components mount in one render: one watch call for all of them
  private schedule() {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.flush();
    }, 50);
  }

  private flush() {
    const socket = this.socket;
    if (!socket?.connected) return;
    const userIds = [...this.wanted.keys()].slice(0, 500);
    socket.emit("presence:watch", { userIds }, (res) => {
      if (!res.ok || !res.data) return;
      for (const [id, status] of Object.entries(res.data.statuses)) this.statuses.set(id, status);
      this.changed();
    });
  }
}

let tabPresence: PresenceStore | null = null;
function getPresence(): PresenceStore | null {
  if (typeof window === "undefined") return null;
  const socket = getSocket();
  if (!socket) return null;
  tabPresence ??= new PresenceStore();
  tabPresence.attach(socket);
  return tabPresence;
}

/** The live status of these people (offline until the server says otherwise). */
export function usePresence(userIds: string[]): (userId: string) => PresenceStatus {
  const key = [...new Set(userIds)].sort().join(",");
  useEffect(() => {
    const store = getPresence();
    if (!store || !key) return;
    return store.watch(key.split(","));
  }, [key]);
  useSyncExternalStore(
    (fn) => getPresence()?.subscribe(fn) ?? (() => {}),
    () => getPresence()?.getVersion() ?? 0,
    () => 0,
  );
  return (id) => getPresence()?.status(id) ?? "offline";
}

/**
 * Tells the server "away" after five minutes without keyboard, pointer or focus,
 * and "online" again at the next sign of life. Once per tab.
 */
let idleInstalled = false;
export function installIdleTracker(socket: LiveSocket, doc: Document = document, idleMs = IDLE_MS) {
  if (idleInstalled) return;
  idleInstalled = true;
  let away = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const send = (status: "online" | "away") => {
    if (socket.connected) socket.emit("presence:set", { status }, () => {});
  };
  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      away = true;
      send("away");
    }, idleMs);
  };
  const activity = () => {
    if (away) {
      away = false;
      send("online");
    }
    arm();
  };
  for (const ev of ["keydown", "pointerdown", "pointermove", "wheel", "visibilitychange"]) doc.addEventListener(ev, activity, { passive: true });
  doc.defaultView?.addEventListener("focus", activity);
  // a reconnected socket starts online on the server: repeat "away" if that is what we are
  socket.on("connect", () => {
    if (away) send("away");
  });
  arm();
}
