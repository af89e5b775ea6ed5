// The offline half of the dependency audit (scripts/deps-audit.ts): version ranges, and the
// lockfile checked against the advisories the project knows of.
import { describe, expect, it } from "vitest";
import { knownAdvisoryHits, lockfilePackages } from "../../scripts/deps-audit";
import { compareVersions, isAffected } from "../../scripts/deps-audit/versions";

describe("compareVersions", () => {
  it("orders by number, not by text, with prereleases before their release", () => {
    const sorted = ["10.0.0", "9.1.1", "9.0.10", "9.0.9", "18.4.0-beta.17", "18.4.0-beta.2", "18.4.0", "18.4.0-rc.1", "1.0.0-alpha"].sort(compareVersions);
    expect(sorted).toEqual(["1.0.0-alpha", "9.0.9", "9.0.10", "9.1.1", "10.0.0", "18.4.0-beta.2", "18.4.0-beta.17", "18.4.0-rc.1", "18.4.0"]);
  });
});

describe("isAffected", () => {
  const ranges = [{ introduced: "10.2.0", fixed: "10.5.0" }, { introduced: "11.0.0", fixed: "11.1.0" }];
  it("includes the introduced version and excludes the fixed one", () => {
    expect(["10.2.0", "10.4.5", "11.0.3"].map((v) => isAffected(v, ranges))).toEqual([true, true, true]);
    expect(["10.1.9", "10.5.0", "11.1.0", "12.0.0", "7.2.3"].map((v) => isAffected(v, ranges))).toEqual([false, false, false, false, false]);
  });
});

describe("knownAdvisoryHits", () => {
  it("flags the nodemailer this project used before (7.0.9), with the advisories and where it sits", () => {
    const hits = knownAdvisoryHits([{ name: "nodemailer", version: "7.0.9", where: "node_modules/nodemailer" }]);
    expect(hits).toEqual([
      expect.stringMatching(/^HIGH nodemailer@7\.0\.9 \(node_modules\/nodemailer\): GHSA-p6gq-j5cr-w38f/),
      expect.stringMatching(/^HIGH nodemailer@7\.0\.9 .*GHSA-2x7j-588g-ccc2/),
    ]);
    expect(knownAdvisoryHits([{ name: "nodemailer", version: "10.6.1", where: "node_modules/nodemailer" }])).toEqual([]);
  });

  it("finds nested copies in the lockfile by their package name", () => {
    const packages = lockfilePackages();
    expect(packages.length).toBeGreaterThan(300);
    expect(packages.find((p) => p.name === "next")?.version).toMatch(/^16\./);
    expect(packages.every((p) => !p.name.includes("node_modules/"))).toBe(true);
  });

  it("finds none in the lockfile as it is", () => {
    expect(knownAdvisoryHits()).toEqual([]);
  });
});
