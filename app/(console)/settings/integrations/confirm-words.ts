// What disabling, rotating and deleting an integration do, in the words their confirmations show. Pure, so tested.
export interface IntegrationFacts {
  name: string;
  secretPrefix: string;
  counts: { queued: number; forwarded: number; failed: number };
}

export interface ConfirmWords {
  title: string;
  body: string;
  confirmLabel: string;
}

const fmt = (n: number) => new Intl.NumberFormat("en-US").format(n);
const messages = (n: number) => `${fmt(n)} message${n === 1 ? "" : "s"}`;

export function disableIntegrationWords(i: IntegrationFacts): ConfirmWords {
  const queued = i.counts.queued > 0 ? `; the ${messages(i.counts.queued)} already queued still go on to Amazon Connect` : "";
  return {
    title: `Disable "${i.name}"?`,
    confirmLabel: "Disable integration",
    body: `Its endpoint refuses every message the provider posts from now on, until you enable it again${queued}.`,
  };
}

export function rotateSecretWords(i: IntegrationFacts): ConfirmWords {
  return {
    title: `Rotate the signing secret of "${i.name}"?`,
    confirmLabel: "Rotate secret",
    body:
      `The current secret (${i.secretPrefix}…) stops working at once: messages the provider signs with it are refused ` +
      "until it uses the new one, which is shown once, next.",
  };
}

export function deleteIntegrationWords(i: IntegrationFacts): ConfirmWords {
  const total = i.counts.queued + i.counts.forwarded + i.counts.failed;
  const history = total > 0 ? `its history of ${messages(total)} is deleted` : "it is removed";
  const queued = i.counts.queued > 0 ? ` ${messages(i.counts.queued)} still waiting to reach Amazon Connect would be lost: you will be asked again.` : "";
  return {
    title: `Delete "${i.name}"?`,
    confirmLabel: "Delete integration",
    body: `Its endpoint stops answering at once and ${history}. This cannot be undone.${queued}`,
  };
}

/** The second question, when the server finds messages still queued: its own message says how many. */
export function dropQueuedWords(name: string, serverMessage: string): ConfirmWords {
  return { title: `Drop the waiting messages of "${name}"?`, confirmLabel: "Delete and drop them", body: serverMessage };
}
