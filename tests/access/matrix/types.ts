// The shape of an access-matrix entry; each domain lists its use cases in a file beside this one.
import type { Actor } from "@/server/auth/actor";
import type { ActorKey, World } from "../world";

export type MatrixEntry = {
  allowed: ActorKey[];
  run: (actor: Actor | null, world: World) => Promise<unknown>;
};
