// The standard DoD Notice and Consent Banner (DoDI 8500.01; DISA Application Security STIG,
// "display the Standard Mandatory DoD Notice and Consent Banner before granting access").
// The wording is prescribed: do not edit it. Shown before sign-in and accepted by a click.

export const CONSENT_BANNER_TITLE = 'U.S. Government Information System: Notice and Consent';

export const CONSENT_BANNER_INTRO =
  'You are accessing a U.S. Government (USG) Information System (IS) that is provided for USG-authorized use only.';

export const CONSENT_BANNER_LEAD =
  'By using this IS (which includes any device attached to this IS), you consent to the following conditions:';

export const CONSENT_BANNER_CONDITIONS: readonly string[] = [
  'The USG routinely intercepts and monitors communications on this IS for purposes including, but not limited to, penetration testing, COMSEC monitoring, network operations and defense, personnel misconduct (PM), law enforcement (LE), and counterintelligence (CI) investigations.',
  'At any time, the USG may inspect and seize data stored on this IS.',
  'Communications using, or data stored on, this IS are not private, are subject to routine monitoring, interception, and search, and may be disclosed or used for any USG-authorized purpose.',
  'This IS includes security measures (e.g., authentication and access controls) to protect USG interests--not for your personal benefit or privacy.',
  'Notwithstanding the above, using this IS does not constitute consent to PM, LE or CI investigative searching or monitoring of the content of privileged communications, or work product, related to personal representation or services by attorneys, psychotherapists, or clergy, and their assistants. Such communications and work product are private and confidential. See User Agreement for details.',
];

/** The whole banner as one text, e.g. for a terminal or a printed page. */
export const CONSENT_BANNER_TEXT = [CONSENT_BANNER_INTRO, '', CONSENT_BANNER_LEAD, '', ...CONSENT_BANNER_CONDITIONS.map((c) => `-${c}`)].join('\n');

/** The label of the button that records consent. */
export const CONSENT_ACCEPT_LABEL = 'I agree';
