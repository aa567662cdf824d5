"use server";
import { serverAction } from "@/lib/actions/safe-action";
import { stopContact } from "@/lib/contacts/actions";

export const stopContactAction = serverAction(stopContact);
