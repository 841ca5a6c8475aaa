// Which report, and its parameters; checked with the contract's schema before anything is sent.
import { Button, Form } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import type { ReportName } from '../../../../electron/common/reports/model.js';
import { REPORT_NAMES, REPORT_TITLES } from '../../../../electron/common/reports/model.js';
import { DateField, SelectField, TextField } from '../../components/FormFields.js';
import { useStores } from '../../components/StoresContext.js';
import { fieldSentence } from '../../format/errors.js';
import type { ReportField } from '../../stores/ReportsStore.js';

const FGI_OPTIONS = [
  { value: 'all', label: 'U.S. material and FGI' },
  { value: 'only', label: 'Foreign (FGI) only' },
  { value: 'exclude', label: 'U.S. material only' },
];

export const ReportParams = observer(function ReportParams() {
  const { reports } = useStores();
  const error = (field: ReportField, label: string) => {
    const message = reports.fieldErrors.get(field);
    return message && fieldSentence(label, message);
  };
  const dates = (fromLabel: string, toLabel: string) => (
    <>
      <DateField id="report-from" label={fromLabel} value={reports.from} error={error('from', fromLabel)} onChange={(v) => reports.setField('from', v)} />
      <DateField id="report-to" label={toLabel} value={reports.to} error={error('to', toLabel)} onChange={(v) => reports.setField('to', v)} />
    </>
  );
  return (
    <Form
      aria-label="Choose a report"
      className="report-params no-print"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void reports.run();
      }}
    >
      <div className="report-params__grid">
        <SelectField
          id="report-name"
          label="Report"
          value={reports.report}
          options={REPORT_NAMES.map((name) => ({ value: name, label: REPORT_TITLES[name] }))}
          onChange={(v) => reports.choose(v as ReportName)}
        />
        {reports.report === 'inventory' && (
          <>
            <SelectField id="report-fgi" label="Material" value={reports.fgi} options={FGI_OPTIONS} onChange={(v) => reports.setField('fgi', v)} />
            <TextField
              id="report-country"
              label="Country of origin"
              hint="Trigraph, e.g. DEU; empty for all"
              value={reports.country}
              error={error('country', 'Country of origin')}
              onChange={(v) => reports.setField('country', v)}
            />
          </>
        )}
        {reports.report === 'visits' && dates('From date', 'To date')}
        {reports.report === 'incidents' && dates('Discovered from', 'Discovered to')}
        {reports.report === 'annualInventory' && (
          <TextField id="report-year" label="Inventory year" value={reports.year} error={error('year', 'Inventory year')} onChange={(v) => reports.setField('year', v)} />
        )}
      </div>
      <div className="button-row">
        <Button type="submit" disabled={reports.isRunning}>
          Show report
        </Button>
        <Button type="button" outline disabled={reports.csvExport.isExporting} onClick={() => void reports.exportCsv()}>
          Export CSV
        </Button>
      </div>
    </Form>
  );
});
