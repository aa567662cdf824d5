// The role field, on its own so forms that only pick a role (API keys) do not download the password policy's list.
import { z } from "zod";
import { ROLES } from "@/lib/db/roles";

export const roleSchema = z.enum(ROLES, { error: "Choose a role" });
