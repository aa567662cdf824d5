import "server-only";
// Every server action definition, so one test can hold each of them to its role.
import * as users from "@/lib/users/actions";

export const ALL_ACTIONS = [users.setupFirstAdmin, users.createUser, users.changeUserRole, users.setUserDisabled];
