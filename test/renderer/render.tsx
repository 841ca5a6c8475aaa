// Renders renderer components with their stores, the way main.tsx does.
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { App } from '../../renderer/src/App.js';
import { StoresProvider } from '../../renderer/src/components/StoresContext.js';
import type { RootStore } from '../../renderer/src/stores/RootStore.js';

export function renderWithStores(root: RootStore, ui: ReactElement = <App />) {
  return render(<StoresProvider root={root}>{ui}</StoresProvider>);
}
