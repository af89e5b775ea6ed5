// Staff sessions end 12 hours after sign-in and after 30 minutes without a request; organisation
// users keep next-auth's cookie lifetime. `now` is injected: the clock is the test's.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadSessionActor } from "@/server/auth/load-actor";
import { STAFF_SESSION_LIMITS, staffSessionEnd } from "@/server/auth/staff-session-lifetime";
import { db } from "@/server/db";
import { createOrganizationWithPeople, createUser } from "../factories";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SIGNED_IN = new Date("2026-11-02T08:00:00Z");
const at = (ms: number) => new Date(SIGNED_IN.getTime() + ms);

async function staffSession(role: "ADMIN" | "ANALYST" = "ADMIN") {
  const user = await createUser({ staffRole: role });
  const token = { userId: user.id, sessionVersion: 1, sessionId: randomUUID(), signedInAt: SIGNED_IN.getTime() / 1000 };
  return { user, token, request: (now: Date) => loadSessionActor(token, "127.0.0.1", now) };
}

async function lastSeen(sessionId: string): Promise<Date | null> {
  return (await db.sessionActivity.findUnique({ where: { id: sessionId } }))?.lastSeenAt ?? null;
}

describe("staffSessionEnd", () => {
  it("ends 12 hours after sign-in, and 30 minutes after the last request", () => {
    expect(STAFF_SESSION_LIMITS).toMatchObject({ absoluteSeconds: 12 * 3600, idleSeconds: 30 * 60 });
    expect(staffSessionEnd(SIGNED_IN, null, at(30 * MINUTE))).toBeNull();
    expect(staffSessionEnd(SIGNED_IN, null, at(30 * MINUTE + 1000))).toBe("idle");
    expect(staffSessionEnd(SIGNED_IN, at(11 * HOUR), at(11 * HOUR + 29 * MINUTE))).toBeNull();
    expect(staffSessionEnd(SIGNED_IN, at(11 * HOUR + 59 * MINUTE), at(12 * HOUR))).toBeNull();
    expect(staffSessionEnd(SIGNED_IN, at(11 * HOUR + 59 * MINUTE), at(12 * HOUR + 1000))).toBe("absolute");
  });
});

describe("a staff session", () => {
  it("lives while it is used, and its last use is written at most once a minute", async () => {
    const { token, request } = await staffSession();
    expect((await request(at(2 * MINUTE))).actor?.userId).toBe(token.userId);
    expect(await lastSeen(token.sessionId)).toEqual(at(2 * MINUTE));
    await request(at(2 * MINUTE + 30_000));
    expect(await lastSeen(token.sessionId), "not written again within the minute").toEqual(at(2 * MINUTE));
    await request(at(3 * MINUTE + 10_000));
    expect(await lastSeen(token.sessionId)).toEqual(at(3 * MINUTE + 10_000));
    // Used every 25 minutes, it outlives the idle limit many times over.
    for (let minute = 28; minute < 11 * 60; minute += 25) {
      expect((await request(at(minute * MINUTE))).actor, `at ${minute} min`).not.toBeNull();
    }
  });

  it("ends after 30 minutes without a request, and stays ended", async () => {
    const { token, request } = await staffSession("ANALYST");
    await request(at(10 * MINUTE));
    expect((await request(at(40 * MINUTE))).actor).not.toBeNull();
    expect(await request(at(70 * MINUTE + 1000))).toEqual({ actor: null, ended: "idle" });
    expect(await lastSeen(token.sessionId), "an ended session is not touched").toEqual(at(40 * MINUTE));
    expect(await request(at(71 * MINUTE))).toEqual({ actor: null, ended: "idle" });
  });

  it("ends after 30 minutes even when it was never used after signing in", async () => {
    const { request } = await staffSession();
    expect(await request(at(31 * MINUTE))).toEqual({ actor: null, ended: "idle" });
  });

  it("ends 12 hours after sign-in however busy it is", async () => {
    const { request } = await staffSession();
    for (let minute = 20; minute <= 12 * 60; minute += 20) await request(at(minute * MINUTE));
    expect((await request(at(12 * HOUR))).actor).not.toBeNull();
    expect(await request(at(12 * HOUR + 5 * MINUTE))).toEqual({ actor: null, ended: "absolute" });
  });

  it("keeps its own idle clock: another session of the same person does not keep it alive", async () => {
    const { user, token, request } = await staffSession();
    const laptop = { ...token, sessionId: randomUUID() };
    await request(at(5 * MINUTE));
    for (let minute = 10; minute <= 60; minute += 10) await loadSessionActor(laptop, null, at(minute * MINUTE));
    expect((await loadSessionActor(laptop, null, at(61 * MINUTE))).actor?.userId).toBe(user.id);
    expect(await request(at(61 * MINUTE))).toEqual({ actor: null, ended: "idle" });
  });

  it("is refused when its token predates session ids, or names another person's session", async () => {
    const { token } = await staffSession();
    expect(await loadSessionActor({ userId: token.userId, sessionVersion: 1 }, null, at(MINUTE))).toEqual({ actor: null, ended: "absolute" });
    const other = await staffSession();
    await other.request(at(2 * MINUTE));
    expect(await loadSessionActor({ ...token, sessionId: other.token.sessionId }, null, at(3 * MINUTE))).toEqual({ actor: null, ended: "absolute" });
  });

  it("still obeys the session version (a role change signs every session out)", async () => {
    const { user, request } = await staffSession();
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: 2 } });
    expect(await request(at(MINUTE))).toEqual({ actor: null, ended: null });
  });
});

describe("an organisation user's session", () => {
  it("has no idle or 12-hour limit of its own (next-auth's cookie lifetime applies), and writes nothing", async () => {
    const { owner } = await createOrganizationWithPeople("LICENSEE");
    const sessionId = randomUUID();
    const token = { userId: owner.user.id, sessionVersion: 1, sessionId, signedInAt: SIGNED_IN.getTime() / 1000 };
    expect((await loadSessionActor(token, null, at(3 * HOUR))).actor?.userId).toBe(owner.user.id);
    expect((await loadSessionActor(token, null, at(20 * HOUR))).actor?.userId).toBe(owner.user.id);
    expect((await loadSessionActor({ userId: owner.user.id, sessionVersion: 1 }, null, at(HOUR))).actor).not.toBeNull();
    expect(await lastSeen(sessionId)).toBeNull();
  });
});
