// The screens of the visits and incidents sections, by route (App.tsx hands these routes here).
import type { Route } from '../stores/UiStore.js';
import './records.css';
import { ForeignReleaseScreen } from './incidents/ForeignReleaseScreen.js';
import { IncidentDetailScreen } from './incidents/IncidentDetailScreen.js';
import { IncidentFormScreen } from './incidents/IncidentFormScreen.js';
import { IncidentListScreen } from './incidents/IncidentListScreen.js';
import { VisitDetailScreen } from './visits/VisitDetailScreen.js';
import { VisitFormScreen } from './visits/VisitFormScreen.js';
import { VisitListScreen } from './visits/VisitListScreen.js';
import { VisitorPassScreen } from './visits/VisitorPassScreen.js';

export type RecordRoute = Extract<Route, { name: 'visits' | 'visit' | 'visitNew' | 'visitorPass' | 'incidents' | 'incident' | 'incidentNew' | 'incidentRelease' }>;

export function RecordRouteScreen({ route }: { route: RecordRoute }) {
  switch (route.name) {
    case 'visits':
      return <VisitListScreen />;
    case 'visit':
      return <VisitDetailScreen key={route.id} id={route.id} />;
    case 'visitNew':
      return <VisitFormScreen />;
    case 'visitorPass':
      return <VisitorPassScreen key={route.visitorId} visitId={route.visitId} visitorId={route.visitorId} />;
    case 'incidents':
      return <IncidentListScreen />;
    case 'incident':
      return <IncidentDetailScreen key={route.id} id={route.id} />;
    case 'incidentNew':
      return <IncidentFormScreen />;
    case 'incidentRelease':
      return <ForeignReleaseScreen key={route.id} id={route.id} />;
  }
}
