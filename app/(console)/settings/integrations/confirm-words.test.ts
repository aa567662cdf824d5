import { describe, expect, it } from "vitest";
import { deleteIntegrationWords, disableIntegrationWords, dropQueuedWords, rotateSecretWords } from "./confirm-words";

const twilio = { name: "Twilio US", secretPrefix: "whsec_ab12", counts: { queued: 0, forwarded: 1_240, failed: 3 } };

describe("integration confirmation words", () => {
  it("counts the history a delete removes, and warns about queued messages", () => {
    const w = deleteIntegrationWords(twilio);
    expect(w).toMatchObject({ title: 'Delete "Twilio US"?', confirmLabel: "Delete integration" });
    expect(w.body).toBe("Its endpoint stops answering at once and its history of 1,243 messages is deleted. This cannot be undone.");
    const queued = deleteIntegrationWords({ ...twilio, counts: { queued: 1, forwarded: 0, failed: 0 } });
    expect(queued.body).toContain("its history of 1 message is deleted");
    expect(queued.body).toContain("1 message still waiting to reach Amazon Connect would be lost: you will be asked again.");
    expect(deleteIntegrationWords({ ...twilio, counts: { queued: 0, forwarded: 0, failed: 0 } }).body).toContain("and it is removed.");
  });

  it("names the secret a rotation ends", () => {
    const w = rotateSecretWords(twilio);
    expect(w).toMatchObject({ title: 'Rotate the signing secret of "Twilio US"?', confirmLabel: "Rotate secret" });
    expect(w.body).toContain("The current secret (whsec_ab12…) stops working at once");
  });

  it("says queued messages still go through when disabling", () => {
    expect(disableIntegrationWords(twilio).body).toBe("Its endpoint refuses every message the provider posts from now on, until you enable it again.");
    expect(disableIntegrationWords({ ...twilio, counts: { ...twilio.counts, queued: 4 } }).body).toContain(
      "; the 4 messages already queued still go on to Amazon Connect.",
    );
  });

  it("asks the second question in the server's words", () => {
    const w = dropQueuedWords("Twilio US", "2 messages are still waiting to reach Amazon Connect.");
    expect(w).toEqual({
      title: 'Drop the waiting messages of "Twilio US"?',
      confirmLabel: "Delete and drop them",
      body: "2 messages are still waiting to reach Amazon Connect.",
    });
  });
});
