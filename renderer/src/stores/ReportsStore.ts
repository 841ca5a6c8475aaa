// Reports: which one, its parameters (checked with the contract's schema before anything is
// sent), the report on screen, and its CSV export through the injected saveFile.
import { makeAutoObservable, runInAction } from 'mobx';
import type { Report, ReportName, ReportRequestInput } from '../../../electron/common/reports/model.js';
import { reportRequestSchema } from '../../../electron/common/reports/model.js';
import { addDays } from '../../../electron/common/primitives.js';
import { errorMessage } from '../format/errors.js';
import { plural } from '../format/labels.js';
import { CsvExport } from './CsvExport.js';
import { recordRoute } from './recordRoute.js';
import type { RootStore } from './RootStore.js';

export type ReportField = 'fgi' | 'country' | 'from' | 'to' | 'year';
export type FgiScope = 'all' | 'only' | 'exclude';

export class ReportsStore {
  readonly root: RootStore;
  readonly csvExport: CsvExport;
  report: ReportName = 'openReceipts';
  fgi: FgiScope = 'all';
  country = '';
  from = '';
  to = '';
  year = '';
  fieldErrors = new Map<ReportField, string>();
  result: Report | null = null;
  isRunning = false;
  error: string | null = null;
  private generation = 0;

  constructor(root: RootStore) {
    this.root = root;
    this.csvExport = new CsvExport(root);
    makeAutoObservable(this, { root: false, csvExport: false }, { autoBind: true });
  }

  /** Date defaults from the ledger's today: visits from today for 30 days, this year's inventory. */
  setDefaults(today: string): void {
    if (this.from === '') this.from = today;
    if (this.to === '') this.to = addDays(today, 30);
    if (this.year === '') this.year = today.slice(0, 4);
  }

  choose(report: ReportName): void {
    this.report = report;
    this.result = null;
    this.error = null;
    this.csvExport.reset();
    this.fieldErrors.clear();
  }

  setField(field: ReportField, value: string): void {
    if (field === 'fgi') this.fgi = value as FgiScope;
    else this[field] = value;
    this.fieldErrors.delete(field);
  }

  /** The request as the contract takes it; optional fields left empty are left out. */
  get request(): ReportRequestInput {
    switch (this.report) {
      case 'inventory':
        return { report: 'inventory', fgi: this.fgi, ...(this.country.trim() ? { country: this.country.trim().toUpperCase() } : {}) };
      case 'openReceipts':
        return { report: 'openReceipts' };
      case 'visits':
        return { report: 'visits', from: this.from, to: this.to };
      case 'incidents':
        return { report: 'incidents', ...(this.from ? { from: this.from } : {}), ...(this.to ? { to: this.to } : {}) };
      case 'annualInventory':
        return { report: 'annualInventory', year: Number(this.year) };
    }
  }

  private checked(): ReportRequestInput | null {
    const request = this.request;
    const parsed = reportRequestSchema.safeParse(request);
    this.fieldErrors.clear();
    if (parsed.success) return request;
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && field !== 'report' && !this.fieldErrors.has(field as ReportField)) this.fieldErrors.set(field as ReportField, issue.message);
    }
    return null;
  }

  async run(): Promise<boolean> {
    const request = this.checked();
    if (request === null) return false;
    const generation = ++this.generation;
    this.isRunning = true;
    this.error = null;
    const result = await this.root.api['reports.run'](request);
    runInAction(() => {
      if (generation !== this.generation) return;
      this.isRunning = false;
      if (result.ok) this.result = result.value;
      else this.error = errorMessage(result.error);
    });
    return result.ok;
  }

  exportCsv(): Promise<boolean> {
    const request = this.checked();
    if (request === null) return Promise.resolve(false);
    return this.csvExport.run(
      () => this.root.api['reports.exportCsv'](request),
      ({ fileName, rows, marking }) => `Exported ${plural(rows, 'row')} to ${fileName} (marked ${marking}).`,
    );
  }

  open(kind: Parameters<typeof recordRoute>[0], id: string): void {
    this.root.ui.navigate(recordRoute(kind, id));
  }

  reset(): void {
    this.generation++;
    this.report = 'openReceipts';
    this.fgi = 'all';
    this.country = this.from = this.to = this.year = '';
    this.fieldErrors.clear();
    this.result = null;
    this.isRunning = false;
    this.error = null;
    this.csvExport.reset();
  }
}
