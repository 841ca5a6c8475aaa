// Components reach the stores through context, never through imported singletons.
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { RootStore } from '../stores/RootStore.js';

const StoresContext = createContext<RootStore | null>(null);

export function StoresProvider({ root, children }: { root: RootStore; children: ReactNode }) {
  return <StoresContext.Provider value={root}>{children}</StoresContext.Provider>;
}

export function useStores(): RootStore {
  const root = useContext(StoresContext);
  if (root === null) throw new Error('useStores() needs a <StoresProvider> above it');
  return root;
}
