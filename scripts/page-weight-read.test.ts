import { describe, expect, it } from "vitest";
import { routeOf } from "./page-weight-read";

describe("page routes from manifest keys", () => {
  it("drops route groups and the page suffix", () => {
    expect(routeOf("/(console)/campaigns/[id]/page")).toBe("/campaigns/[id]");
    expect(routeOf("/(auth)/login/page")).toBe("/login");
    expect(routeOf("/page")).toBe("/");
  });
});
