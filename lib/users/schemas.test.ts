// Names typed by admins end up in text columns and the audit log: characters PostgreSQL cannot store are a field
// error, never a failed insert.
import { describe, expect, it } from "vitest";
import { createApiKeySchema } from "@/lib/api-keys/schemas";
import { createUserSchema } from "./schemas";

const user = { email: "new@example.com", role: "viewer", password: "a-long-passphrase-42" };

describe("names that cannot be stored", () => {
  it.each(["Ada\u0000", "Ada \ud800", "\udc00Ada"])("refuses %j as a user's name and as an API key's name", (name) => {
    const u = createUserSchema.safeParse({ ...user, name });
    expect(u.success).toBe(false);
    expect(u.error?.issues[0]).toMatchObject({ path: ["name"], message: expect.stringMatching(/cannot be stored/) });
    const k = createApiKeySchema.safeParse({ name, role: "viewer" });
    expect(k.success).toBe(false);
    expect(k.error?.issues[0]).toMatchObject({ path: ["name"], message: expect.stringMatching(/cannot be stored/) });
  });

  it("keeps accepting real names, emoji included", () => {
    expect(createUserSchema.safeParse({ ...user, name: "Nguyễn 😀" }).success).toBe(true);
  });
});
