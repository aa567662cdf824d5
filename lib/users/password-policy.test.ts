import { describe, expect, it } from "vitest";
import { changePasswordSchema, createUserSchema, passwordSchema, setupSchema } from "@/lib/users/schemas";
import { isCommonPassword, passwordProblem } from "./password-policy";

describe("password policy", () => {
  it("needs at least 12 characters", () => {
    expect(passwordProblem("k7#pq-vz2xa")).toBe("Use at least 12 characters");
    expect(passwordProblem("k7#pq-vz2xab")).toBeNull();
  });

  it("refuses passwords from the common-password list, whatever their case", () => {
    // Long enough and varied, but on the list attackers try first.
    for (const p of ["qwerty123456", "QWERTY123456", "1qaz2wsx3edc", "administrator", "Password1234", " password1234 "]) {
      expect(isCommonPassword(p), p).toBe(true);
      expect(passwordProblem(p), p).toMatch(/too common/);
    }
    expect(isCommonPassword("correct-horse-battery-1")).toBe(false);
  });

  it("refuses the email address or its local part", () => {
    expect(passwordProblem("jonathan.smith@example.com", "Jonathan.Smith@example.com")).toBe("Do not use your email address as your password");
    expect(passwordProblem("Jonathan.Smith", "jonathan.smith@example.com")).toBe("Do not use your email address as your password");
    expect(passwordProblem("jonathan.smith-2024", "jonathan.smith@example.com")).toBeNull();
  });

  it("refuses a long run of few characters", () => {
    expect(passwordProblem("aaaaaaaaaaaaaaaa")).toBe("Use more different characters");
  });

  it("allows long passphrases without digits or symbols", () => {
    expect(passwordProblem("correct horse battery staple")).toBeNull();
  });
});

describe("the shared schemas apply it", () => {
  it("on its own", () => {
    expect(passwordSchema.safeParse("qwerty123456").success).toBe(false);
    expect(passwordSchema.safeParse("a-long-passphrase-42").success).toBe(true);
  });

  it("with the email, for setup and new users", () => {
    const setup = setupSchema.safeParse({ email: "operations.lead@example.com", name: "", password: "Operations.Lead", confirmPassword: "Operations.Lead" });
    expect(setup.success).toBe(false);
    expect(setup.error?.issues).toContainEqual(expect.objectContaining({ path: ["password"], message: "Do not use your email address as your password" }));
    const user = createUserSchema.safeParse({ email: "x@example.com", name: "", role: "viewer", password: "1qaz2wsx3edc" });
    expect(user.error?.issues[0]).toMatchObject({ path: ["password"], message: expect.stringMatching(/too common/) });
  });

  it("for a change: confirmation must match and the new one must differ", () => {
    const same = changePasswordSchema.safeParse({
      currentPassword: "a-long-passphrase-42",
      newPassword: "a-long-passphrase-42",
      confirmPassword: "a-long-passphrase-42",
    });
    expect(same.error?.issues).toContainEqual(expect.objectContaining({ path: ["newPassword"] }));
    const typo = changePasswordSchema.safeParse({ currentPassword: "old-one", newPassword: "a-long-passphrase-43", confirmPassword: "a-long-passphrase-44" });
    expect(typo.error?.issues).toContainEqual(expect.objectContaining({ path: ["confirmPassword"], message: "Passwords do not match" }));
    const weak = changePasswordSchema.safeParse({ currentPassword: "old-one", newPassword: "qwerty123456", confirmPassword: "qwerty123456" });
    expect(weak.error?.issues).toContainEqual(expect.objectContaining({ path: ["newPassword"], message: expect.stringMatching(/too common/) }));
  });
});
