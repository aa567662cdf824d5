import { describe, expect, it } from "vitest";
import { launchNeeds } from "./launch-needs";

const counts = (valid: number, invalid: number) => ({ valid, invalid, duplicate: 0, suppressed: 0 });

describe("what launch asks for", () => {
  it("asks to accept the invalid rows only above the share, and to type the count only for large sends", () => {
    const rules = { invalidShareAbove: 0.1, typeCountFrom: 1000 };
    expect(launchNeeds({ counts: counts(90, 10), total: 100, launchConfirm: rules })).toEqual({ confirmInvalid: false, typeCount: false });
    expect(launchNeeds({ counts: counts(197, 303), total: 500, launchConfirm: rules })).toEqual({ confirmInvalid: true, typeCount: false });
    expect(launchNeeds({ counts: counts(1000, 0), total: 1000, launchConfirm: rules })).toEqual({ confirmInvalid: false, typeCount: true });
  });

  it("follows the rules the summary carries, and the defaults for older summaries", () => {
    expect(launchNeeds({ counts: counts(80, 20), total: 100, launchConfirm: { invalidShareAbove: 0.25, typeCountFrom: 50 } })).toEqual({
      confirmInvalid: false,
      typeCount: true,
    });
    expect(launchNeeds({ counts: counts(80, 20), total: 100 })).toEqual({ confirmInvalid: true, typeCount: false });
  });
});
