"use client";
// The width of an element in CSS pixels, kept current as it resizes, so a chart is drawn at its real size and its text
// stays 12 px at any width. Null until the browser has laid the element out (and always on the server).
import { useCallback, useState } from "react";

export function useElementWidth<T extends HTMLElement>(): [React.RefCallback<T>, number | null] {
  const [width, setWidth] = useState<number | null>(null);

  const ref = useCallback((element: T | null) => {
    if (!element) return;
    // Whole pixels: sub-pixel changes would redraw the chart for nothing.
    const measure = (w: number) => setWidth(Math.floor(w));
    measure(element.getBoundingClientRect().width);
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) measure(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return [ref, width];
}
