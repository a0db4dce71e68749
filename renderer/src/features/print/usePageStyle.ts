import { useEffect } from 'react';
import { pageRule, type Paper } from './pageStyle';

/** Puts the paper's @page rule in the document while the print view is shown. */
export function usePageStyle(paper: Paper | undefined): void {
  useEffect(() => {
    if (!paper) return;
    const style = document.createElement('style');
    style.dataset.ddPage = paper;
    style.textContent = pageRule(paper);
    document.head.appendChild(style);
    return () => style.remove();
  }, [paper]);
}
