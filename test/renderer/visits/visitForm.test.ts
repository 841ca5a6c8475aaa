// The new visit request form: the contract's schema checks it before anything is sent, visitor
// sub-form errors land on the right visitor, the core's refusals land next to the same fields,
// and the limits are shown before the user types.
import { describe, expect, it } from 'vitest';
import type { VisitFormStore } from '../../../renderer/src/stores/VisitFormStore.js';
import type { VisitorValues } from '../../../renderer/src/stores/VisitorValues.js';
import { recordsRig } from './fakeVisitsApi.js';

const KLAUS: VisitorValues = {
  fullName: 'Klaus Weber',
  dateOfBirth: '1975-06-15',
  placeOfBirth: 'Koblenz, Germany',
  nationality: 'deu',
  'document.type': 'passport',
  'document.number': 'C01X00T47',
  'document.issuingCountry': 'DEU',
  'clearance.level': 'SECRET',
  'clearance.grantingAuthority': 'BMVg',
  position: 'Systems engineer',
  employer: 'BAAINBw',
};

/** A complete one-time incoming request with one visitor. */
function fill(form: VisitFormStore): void {
  const values: [Parameters<VisitFormStore['setValue']>[0], string][] = [
    ['type', 'one_time'],
    ['requestNumber', 'DEU-2026-001'],
    ['unclassifiedTitle', 'Radar design review'],
    ['country', 'DEU'],
    ['requester.government', 'Embassy of Germany'],
    ['startDate', '2026-03-16'],
    ['endDate', '2026-03-20'],
    ['purpose', 'Design review'],
    ['accessLevel', 'SECRET'],
  ];
  for (const [field, value] of values) form.setValue(field, value);
  form.setFacility(0, 'name', 'Alpha Works');
  form.setFacility(0, 'pointOfContact', 'P. Host');
  form.setFacility(0, 'securityOfficer', 'F. Officer');
  for (const [field, value] of Object.entries(KLAUS)) form.setVisitor(0, field as keyof VisitorValues, value);
}

describe('VisitFormStore', () => {
  it('refuses an empty request before sending, with the errors in form order and next to each field', async () => {
    const { root, fake } = await recordsRig();
    const form = root.visits.form;
    await form.openCreate();
    expect(form.errors).toEqual([]);
    expect(await form.submit()).toBe(false);
    expect(fake.callsOf('visits.create')).toEqual([]);
    const messages = form.errors.map((e) => e.message);
    expect(messages.slice(0, 4)).toEqual(['Choose the type of visit', 'Request number is required', 'Unclassified short title is required', 'Foreign government concerned must be an ISO 3166 three-letter country code, e.g. DEU']);
    expect(messages).toContain('Facility 1 name is required');
    expect(messages).toContain('Visitor 1 full name is required');
    expect(messages.at(-1)).toBe('Visitor 1 employer is required');
    // Next to the field, the sentence names the input's own label.
    expect(form.errorFor('visitors.0.fullName', 'Full name')).toBe('Full name is required');
    expect(form.refusedSaves).toBe(1);
    // Typing a value clears its error once the schema is satisfied.
    form.setValue('requestNumber', 'DEU-1');
    expect(form.errorFor('requestNumber', 'Request number')).toBeUndefined();
  });

  it('puts visitor sub-form errors on the right visitor, and keeps the others clean', async () => {
    const { root, fake, records } = await recordsRig();
    const form = root.visits.form;
    await form.openCreate();
    fill(form);
    form.addVisitor();
    for (const [field, value] of Object.entries(KLAUS)) form.setVisitor(1, field as keyof VisitorValues, value);
    form.setVisitor(1, 'fullName', 'Anna Fischer');
    form.setVisitor(1, 'nationality', 'XX');
    form.setVisitor(1, 'document.number', '');
    expect(await form.submit()).toBe(false);
    expect(fake.callsOf('visits.create')).toEqual([]);
    expect(form.errors.map((e) => e.message)).toEqual([
      'Visitor 2 nationality / citizenship must be an ISO 3166 three-letter country code, e.g. DEU',
      'Visitor 2 passport or ID number is required',
    ]);
    expect(form.errorFor('visitors.1.document.number', 'Passport or ID number')).toBe('Passport or ID number is required');
    expect(form.errorFor('visitors.0.document.number', 'Passport or ID number')).toBeUndefined();
    // Removing the broken visitor leaves a valid request.
    form.removeVisitor(1);
    expect(form.errors).toEqual([]);
    expect(await form.submit()).toBe(true);
    const sent = fake.callsOf('visits.create')[0] as { visitors: { nationality: string }[]; hostLeadTimeWorkingDays: unknown; personVisited: string };
    expect(sent.visitors.map((v) => v.nationality)).toEqual(['DEU']);
    expect(sent.hostLeadTimeWorkingDays).toBeNull();
    const saved = [...records.visits.values()];
    expect(saved.map((v) => v.requestNumber)).toEqual(['DEU-2026-001']);
    expect(root.ui.route).toEqual({ name: 'visit', id: saved[0]?.id });
    expect(root.ui.toasts.at(-1)?.message).toBe('Visit request DEU-2026-001 recorded.');
  });

  it("shows the core's refusals next to the fields: emergency fields, the 30-visitor split", async () => {
    const { root } = await recordsRig();
    const form = root.visits.form;
    await form.openCreate();
    fill(form);
    form.setValue('type', 'emergency');
    for (let i = 1; i < 31; i++) {
      form.addVisitor();
      for (const [field, value] of Object.entries(KLAUS)) form.setVisitor(i, field as keyof VisitorValues, value);
      form.setVisitor(i, 'document.number', `P${i}`);
    }
    expect(await form.submit()).toBe(false);
    expect(form.generalError).toBe('Some entries need correcting; see the marked fields.');
    expect(form.errorFor('personVisited', 'Person visited')).toBe('Person visited is required for an emergency visit');
    expect(form.errorFor('emergencyJustification', 'Why the visit cannot wait (justification)')).toBe('Why the visit cannot wait (justification) is required for an emergency visit');
    expect(form.errors.find((e) => e.key === 'visitors')?.message).toBe('A request may name at most 30 visitors: split it into separate requests (this one would name 31)');
    // The core's answer about a field goes once the field is edited.
    form.setValue('personVisited', 'Dr. R. Engineer');
    expect(form.errorFor('personVisited', 'Person visited')).toBeUndefined();
  });

  it('shows the limits of the request before anything is checked', async () => {
    const { root } = await recordsRig();
    const form = root.visits.form;
    await form.openCreate();
    expect(form.values.submittedOn).toBe('2026-03-10');
    form.setValue('type', 'one_time');
    form.setValue('startDate', '2026-03-16');
    expect(form.limits).toContain('A one-time visit lasts at most 30 days: starting 2026-03-16, it must end by 2026-04-14.');
    expect(form.limits).toContain('A request is submitted no more than 90 days ahead: for a start on 2026-03-16, not before 2025-12-16.');
    form.setValue('direction', 'outgoing');
    form.setValue('hostLeadTimeWorkingDays', '5');
    expect(form.limits).toContain("Outgoing: the host country's lead time plus 5 working days: submit by 2026-03-02.");
    form.setValue('type', 'long_term');
    expect(form.limits).toContain('A long-term / extended visit needs a Technology Control Plan.');
  });
});
