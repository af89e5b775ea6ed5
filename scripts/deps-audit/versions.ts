// Version ranges the way advisories state them (OSV: affected from `introduced` up to, not
// including, `fixed`), for the offline floor check. Semver order, prereleases below their release.

export type AffectedRange = { introduced: string; fixed: string };

type Parsed = { core: number[]; pre: string[] };

function parse(version: string): Parsed {
  const [main = "", pre] = version.trim().replace(/^v/, "").split("+")[0]!.split(/-(.*)/s);
  const core = main.split(".").map((part) => Number(part));
  while (core.length < 3) core.push(0);
  if (core.some((n) => !Number.isInteger(n) || n < 0)) throw new Error(`Not a version: ${version}`);
  return { core, pre: pre ? pre.split(".") : [] };
}

function comparePre(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return b.length - a.length; // a release sorts after its prereleases
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === undefined) return -1;
    if (b[i] === undefined) return 1;
    const [x, y] = [a[i]!, b[i]!];
    const [isNumX, isNumY] = [/^\d+$/.test(x), /^\d+$/.test(y)];
    if (isNumX && isNumY && Number(x) !== Number(y)) return Number(x) - Number(y);
    if (isNumX !== isNumY) return isNumX ? -1 : 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export function compareVersions(a: string, b: string): number {
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) if (x.core[i] !== y.core[i]) return x.core[i]! - y.core[i]!;
  return comparePre(x.pre, y.pre);
}

export function isAffected(version: string, ranges: AffectedRange[]): boolean {
  return ranges.some((r) => compareVersions(version, r.introduced) >= 0 && compareVersions(version, r.fixed) < 0);
}
