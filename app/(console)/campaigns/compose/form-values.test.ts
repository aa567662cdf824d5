import { describe, expect, it } from "vitest";
import { emptyCampaign, withDefaults } from "./form-values";

describe("the composer's values", () => {
  it("start with no word on how the flow ends chats", () => {
    expect(emptyCampaign().flowEndsChatAfterSeconds).toBe("");
  });

  it("carry a saved draft's flow ending into the form, and leave it empty when the draft has none", () => {
    const { flowEndsChatAfterSeconds: _, ...rest } = emptyCampaign();
    expect(withDefaults({ ...rest, flowEndsChatAfterSeconds: 30 }).flowEndsChatAfterSeconds).toBe(30);
    expect(withDefaults(rest).flowEndsChatAfterSeconds).toBe("");
    expect(withDefaults({ ...rest, flowEndsChatAfterSeconds: undefined }).flowEndsChatAfterSeconds).toBe("");
  });
});
