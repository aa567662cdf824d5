import { describe, expect, it } from "vitest";
import { approverWords, changedWords, disableWords, resetPasswordWords, roleChangeWords } from "./confirm-words";

const ann = { email: "ann@x.com", role: "supervisor" as const, canApprove: false, disabled: false, mustChangePassword: false };

describe("role change words", () => {
  it("names the person, the new role and what they gain on a promotion", () => {
    const w = roleChangeWords(ann, "admin");
    expect(w.title).toBe("Make ann@x.com an admin?");
    expect(w.confirmLabel).toBe("Make admin");
    expect(w.body).toBe(
      "From their next click they will be able to manage users, settings and API keys, approve other people's launches, and compose and run campaigns.",
    );
    expect(roleChangeWords({ ...ann, role: "viewer" }, "supervisor").body).toContain("compose, launch, pause and cancel campaigns");
  });

  it("says what an admin made supervisor loses, and keeps approving out of it when they are an approver", () => {
    const admin = { ...ann, role: "admin" as const };
    const w = roleChangeWords(admin, "supervisor");
    expect(w.title).toBe("Make ann@x.com a supervisor?");
    expect(w.confirmLabel).toBe("Make supervisor");
    expect(w.body).toContain("can no longer manage users, settings or API keys, or approve other people's launches.");
    expect(w.body).toContain("They keep composing and running campaigns.");
    expect(w.body).toContain("API keys they created with a role above Supervisor stop working.");
    expect(roleChangeWords({ ...admin, canApprove: true }, "supervisor").body).not.toContain("approve");
  });

  it("says a viewer only reads, and what each former role loses", () => {
    const fromSupervisor = roleChangeWords(ann, "viewer");
    expect(fromSupervisor.title).toBe("Make ann@x.com a viewer?");
    expect(fromSupervisor.body).toContain("can only read campaigns, contacts and the audit log: no more composing, launching or cancelling campaigns");
    expect(fromSupervisor.body).toContain("role above Viewer stop working");
    expect(roleChangeWords({ ...ann, role: "admin" }, "viewer").body).toContain("no more managing users, settings or API keys, nor composing");
  });
});

describe("disable and enable words", () => {
  it("warns that a disabled user is signed out and their keys stop", () => {
    const w = disableWords(ann);
    expect(w).toMatchObject({ title: "Disable ann@x.com?", confirmLabel: "Disable user" });
    expect(w.body).toContain("signed out everywhere at once");
    expect(w.body).toContain("API keys they created stop working");
  });

  it("says which password works again, with the role they come back as", () => {
    const w = disableWords({ ...ann, disabled: true });
    expect(w).toMatchObject({ title: "Enable ann@x.com?", confirmLabel: "Enable user" });
    expect(w.body).toContain("with their current password, as a supervisor");
    expect(disableWords({ ...ann, disabled: true, mustChangePassword: true }).body).toContain("the temporary password they were given");
  });
});

describe("approver words", () => {
  it("grants or takes back approving, each in its own words", () => {
    expect(approverWords(ann)).toMatchObject({ title: "Let ann@x.com approve launches?", confirmLabel: "Allow approving" });
    const stop = approverWords({ ...ann, canApprove: true });
    expect(stop).toMatchObject({ title: "Stop ann@x.com approving launches?", confirmLabel: "Stop approving" });
    expect(stop.body).toContain("Approvals they already gave still count.");
  });
});

describe("reset password words", () => {
  it("names the person and says their sessions end now", () => {
    const w = resetPasswordWords("ann@x.com");
    expect(w).toMatchObject({ title: "Reset the password of ann@x.com?", confirmLabel: "Reset password" });
    expect(w.body).toContain("every session they have ends now");
  });
});

describe("toast words after a change and after its undo", () => {
  it("says the new role, then the old one back", () => {
    expect(changedWords("ann@x.com", { role: "viewer" })).toBe("ann@x.com is now a viewer");
    expect(changedWords("ann@x.com", { role: "admin" }, true)).toBe("ann@x.com is an admin again");
  });

  it("says that enabling again does not bring back the sessions disabling ended", () => {
    expect(changedWords("ann@x.com", { disabled: true })).toBe("Disabled ann@x.com");
    expect(changedWords("ann@x.com", { disabled: false }, true)).toBe("ann@x.com is enabled again and must sign in anew");
  });
});
