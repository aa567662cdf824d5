import { describe, expect, it } from "vitest";
import { readOnlyNote, sectionAt, SETTINGS_SECTIONS, settingsMetadata, settingsSectionsFor } from "./settings-sections";

const ids = (role: Parameters<typeof settingsSectionsFor>[0], mode: Parameters<typeof settingsSectionsFor>[1]) =>
  settingsSectionsFor(role, mode).map((s) => s.id);

const EVERYONE = ["overview", "sending", "send-window", "frequency-caps", "approval", "chat-streaming", "opt-out"];

describe("settings navigation", () => {
  it("lists the pages everyone reads to viewers and supervisors, and nothing only admins open", () => {
    expect(ids("viewer", "local")).toEqual(EVERYONE);
    expect(ids("supervisor", "local")).toEqual(EVERYONE);
    expect(ids("supervisor", "aws")).toEqual(EVERYONE);
  });

  it("adds the simulator for admins only where it runs, and users, API keys and integrations", () => {
    expect(ids("admin", "local")).toEqual([...EVERYONE, "simulator", "users", "api-keys", "integrations"]);
    expect(ids("admin", "aws")).toEqual([...EVERYONE, "users", "api-keys", "integrations"]);
  });

  it("links every page under /settings, each once", () => {
    const hrefs = SETTINGS_SECTIONS.map((s) => s.href);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    for (const href of hrefs) expect(href).toMatch(/^\/settings(\/[a-z-]+)?$/);
  });
});

describe("the current settings page", () => {
  const admin = settingsSectionsFor("admin", "local");
  const viewer = settingsSectionsFor("viewer", "local");

  it("is the overview on /settings only, with or without a trailing slash", () => {
    expect(sectionAt("/settings", admin)?.id).toBe("overview");
    expect(sectionAt("/settings/", admin)?.id).toBe("overview");
    expect(sectionAt("/settings/nothing-here", admin)).toBeUndefined();
  });

  it("is a section on its own path and the paths below it, not on a path that merely starts alike", () => {
    expect(sectionAt("/settings/sending", admin)?.id).toBe("sending");
    expect(sectionAt("/settings/send-window", admin)?.id).toBe("send-window");
    expect(sectionAt("/settings/integrations/abc", admin)?.id).toBe("integrations");
    expect(sectionAt("/settings/sendingx", admin)).toBeUndefined();
  });

  it("is none of the listed ones where the page is not listed for the role", () => {
    expect(sectionAt("/settings/users", viewer)).toBeUndefined();
  });
});

describe("the read-only line", () => {
  it("tells viewers and supervisors that only admins change a section everyone reads", () => {
    expect(readOnlyNote("sending", "viewer")).toBe("Only admins can change sending settings.");
    expect(readOnlyNote("approval", "supervisor")).toBe("Only admins can change the approval rule.");
    for (const id of ["send-window", "frequency-caps", "chat-streaming", "opt-out"] as const) {
      expect(readOnlyNote(id, "supervisor")).toMatch(/^Only admins can change /);
    }
  });

  it("is absent for admins, and on the overview, which has nothing to change", () => {
    expect(readOnlyNote("sending", "admin")).toBeNull();
    expect(readOnlyNote("overview", "viewer")).toBeNull();
  });
});

describe("page titles", () => {
  it("name the section under Settings", () => {
    expect(settingsMetadata("overview").title).toBe("Settings");
    expect(settingsMetadata("opt-out").title).toBe("Opt-out keywords · Settings");
    expect(settingsMetadata("approval").title).toBe("Two-person approval · Settings");
  });
});
