// The password rules' limits and how forms state them. Apart from password-policy.ts so that a form can show the hint
// without loading the common-password list, which comes with the schema when the form is first used.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters, not a common password and not your email`;
