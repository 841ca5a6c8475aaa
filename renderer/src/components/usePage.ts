// Each screen names itself: the window title, and focus on its heading when it opens, so a
// screen-reader user hears where they are after every change of screen.
import { useEffect, useRef } from 'react';

export function usePage(title: string) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} | Enclave Ledger`;
  }, [title]);
  useEffect(() => {
    heading.current?.focus();
  }, [title]);
  return heading;
}
