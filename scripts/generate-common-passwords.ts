// `npx tsx scripts/generate-common-passwords.ts`: writes lib/users/common-passwords.ts, the few hundred entries of
// @zxcvbn-ts/language-common's common-password list long enough to pass the length rule. Importing the whole list
// (~49,000 words, over 200 kB gzipped) would ship it to every browser that shows a password form.
// lib/users/common-passwords.test.ts fails when the committed module and the package's list part ways: run this then.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/password-policy";
import { commonPasswordsModule, longCommonPasswords } from "./lib/common-passwords";

const target = path.join(process.cwd(), "lib", "users", "common-passwords.ts");
const words = longCommonPasswords(PASSWORD_MIN_LENGTH);
writeFileSync(target, commonPasswordsModule(words));
console.log(`Wrote ${words.length} common passwords to ${path.relative(process.cwd(), target)}`);
