"use server";
import { serverAction } from "@/lib/actions/safe-action";
import { sendChatEvent } from "@/lib/chat-events/actions";

export const sendChatEventAction = serverAction(sendChatEvent);
