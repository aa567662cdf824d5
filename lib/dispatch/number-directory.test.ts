import { describe, expect, it } from "vitest";
import type { PhoneNumber } from "@/lib/connect/types";
import { NumberDirectory } from "./number-directory";

const tenDlc: PhoneNumber = { id: "n1", arn: "arn:aws:connect:us-east-1:1:phone-number/n1", phoneNumber: "+12065550142", type: "DID", countryCode: "US" };

function setup(answers: (PhoneNumber[] | Error)[]) {
  let now = 0;
  let calls = 0;
  const lines: string[] = [];
  const gateway = {
    listPhoneNumbers: async () => {
      const answer = answers[Math.min(calls++, answers.length - 1)]!;
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  const dir = new NumberDirectory(
    gateway,
    { numberLookupMs: 300_000, numberLookupRetryMs: 60_000 },
    (l) => lines.push(l),
    () => now,
  );
  return { dir, lines, calls: () => calls, advance: (ms: number) => void (now += ms) };
}

describe("number directory", () => {
  it("lists an instance's numbers once, and again only after numberLookupMs", async () => {
    const s = setup([[tenDlc]]);
    expect(await s.dir.find("i1", tenDlc.arn)).toEqual({ found: tenDlc });
    s.advance(299_000);
    await s.dir.find("i1", tenDlc.arn);
    expect(s.calls()).toBe(1);
    s.advance(1_000);
    await s.dir.find("i1", tenDlc.arn);
    expect(s.calls()).toBe(2);
    expect(await s.dir.find("i1", "arn:other")).toEqual({ missing: "Connect does not list it in instance i1" });
  });

  it("when Connect cannot list them: says so, logs once, asks again after numberLookupRetryMs", async () => {
    const s = setup([new Error("ServiceUnavailableException: down"), new Error("still down"), [tenDlc]]);
    expect(await s.dir.find("i1", tenDlc.arn)).toEqual({ missing: "Connect could not list the numbers of instance i1" });
    await s.dir.find("i1", tenDlc.arn);
    expect(s.calls()).toBe(1);
    s.advance(60_000);
    expect(await s.dir.find("i1", tenDlc.arn)).toHaveProperty("missing");
    expect(s.lines).toHaveLength(1);
    expect(s.lines[0]).toMatch(/could not list the numbers of instance i1 .*slow, safe rate/);
    s.advance(60_000);
    expect(await s.dir.find("i1", tenDlc.arn)).toEqual({ found: tenDlc });
  });

  it("a failed refresh keeps the last listing", async () => {
    const s = setup([[tenDlc], new Error("throttled")]);
    await s.dir.find("i1", tenDlc.arn);
    s.advance(300_000);
    expect(await s.dir.find("i1", tenDlc.arn)).toEqual({ found: tenDlc });
    expect(s.lines[0]).toMatch(/the last listing still applies/);
  });
});
