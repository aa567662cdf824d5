"use client";
// A two-letter country code: shown in capitals, with the common ones offered as the user types.
import { Input } from "@/components/ui/input";

const SUGGESTED = ["GB", "US", "CA", "AU", "IE", "FR", "DE", "ES", "IT", "NL", "BE", "PT", "IN", "BR", "MX", "ZA"];

export function DefaultCountryInput(props: React.InputHTMLAttributes<HTMLInputElement> & { ref?: React.Ref<HTMLInputElement> }) {
  return (
    <>
      <Input
        maxLength={2}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        list="suppression-country-codes"
        className="w-24 font-mono uppercase"
        {...props}
      />
      <datalist id="suppression-country-codes">
        {SUGGESTED.map((code) => (
          <option key={code} value={code} />
        ))}
      </datalist>
    </>
  );
}
