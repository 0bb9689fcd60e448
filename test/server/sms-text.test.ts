import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { fitSms, gsm7Length, toGsm7 } from '../../server/sms/gsm7.ts';
import { toInternationalMobile } from '../../server/sms/phone.ts';
import { isQuietHour, outsideQuietHours } from '../../server/sms/quiet-hours.ts';

describe('SMS text in GSM-7', () => {
  test('French characters outside the alphabet are transliterated; those inside are kept', () => {
    assert.equal(toGsm7('Fête à l’école : cours d’hôtellerie, « Noël » — leçon…'), 'Fete à l\'école : cours d\'hotellerie, "Noel" - lecon...');
    assert.equal(toGsm7('Île, août, maïs, Œuvre, cœur, Ça, façade, ÉTÉ, À bientôt'), 'Ile, aout, mais, OEuvre, coeur, Ça, facade, ÉTÉ, A bientot');
    assert.equal(toGsm7('è é ù ì ò Ç à ä ö ü ñ Ä Ö Ü Ñ É ß'), 'è é ù ì ò Ç à ä ö ü ñ Ä Ö Ü Ñ É ß');
    assert.equal(toGsm7('17\u202fh\u00a030 ✅ 🎵'), '17 h 30 ? ?');
    assert.equal(toGsm7('ligne 1\r\nligne 2'), 'ligne 1\nligne 2');
  });

  test('extension characters count two septets', () => {
    assert.equal(gsm7Length('abc'), 3);
    assert.equal(gsm7Length('10 €'), 5);
    assert.equal(gsm7Length('[x]{y}~^|\\'), 18); // 8 of the 10 are extension characters
  });

  test('a text of 160 septets is kept whole; a longer one is cut with "..."', () => {
    const exact = 'a'.repeat(160);
    assert.equal(fitSms(exact), exact);
    const long = fitSms('Bonjour, '.repeat(30));
    assert.ok(long.endsWith('...'), long);
    assert.ok(gsm7Length(long) <= 160, String(gsm7Length(long)));
    assert.ok(!long.includes('Bonjo...'), 'cut at a word boundary');
    // 80 euro signs are 160 septets; 81 are too many: cut, the sign never split from its escape.
    assert.equal(fitSms('€'.repeat(80)), '€'.repeat(80));
    const euros = fitSms('€'.repeat(81));
    assert.equal(euros, '€'.repeat(78) + '...');
    assert.equal(gsm7Length(euros), 159);
    // Transliteration happens before counting: "œ" becomes two characters.
    assert.equal(gsm7Length(fitSms('œ'.repeat(80))), 160);
    assert.ok(fitSms('œ'.repeat(81)).endsWith('...'));
  });
});

describe('mobile numbers in international form', () => {
  test('the ways families type a French mobile', () => {
    for (const typed of ['06 12 34 56 78', '0612345678', '06.12.34.56.78', '06-12-34-56-78', '+33 6 12 34 56 78', '+33 (0)6 12 34 56 78', '0033612345678', '33612345678', ' +33612345678 ']) {
      assert.equal(toInternationalMobile(typed), '+33612345678', typed);
    }
    assert.equal(toInternationalMobile('07 81 22 33 44'), '+33781223344');
  });

  test('overseas departments keep their own country code', () => {
    assert.equal(toInternationalMobile('0690 12 34 56'), '+590690123456');
    assert.equal(toInternationalMobile('06 92 12 34 56'), '+262692123456');
    assert.equal(toInternationalMobile('+596 696 12 34 56'), '+596696123456');
    assert.equal(toInternationalMobile('+590 696 12 34 56'), null, 'a Martinique range under the Guadeloupe code');
  });

  test('landlines, short, long and foreign numbers are refused (null)', () => {
    for (const typed of ['01 23 45 67 89', '09 77 42 11 22', '06 12 34 56', '06 12 34 56 78 9', '+44 7700 900123', '', 'abc', '+33 1 23 45 67 89']) {
      assert.equal(toInternationalMobile(typed), null, typed);
    }
  });
});

describe('quiet hours (21:00–08:00 Paris)', () => {
  const paris = (d: Date) => d.toLocaleString('fr-FR', { timeZone: 'Europe/Paris' });

  test('in the day nothing waits', () => {
    const noon = new Date('2026-03-10T11:00:00Z');
    assert.equal(isQuietHour(noon), false);
    assert.equal(outsideQuietHours(noon), noon);
    assert.equal(isQuietHour(new Date('2026-03-10T19:59:59Z')), false); // 20:59:59 Paris (winter)
    assert.equal(isQuietHour(new Date('2026-03-10T20:00:00Z')), true); // 21:00 Paris
    assert.equal(isQuietHour(new Date('2026-07-10T06:00:00Z')), false); // 08:00 Paris (summer)
  });

  test('22:30 Paris waits until 08:00 the next day, winter and summer', () => {
    assert.equal(outsideQuietHours(new Date('2026-01-15T21:30:00Z')).toISOString(), '2026-01-16T07:00:00.000Z');
    assert.equal(outsideQuietHours(new Date('2026-07-15T20:30:00Z')).toISOString(), '2026-07-16T06:00:00.000Z');
    // 06:00 Paris waits until 08:00 the same day.
    assert.equal(outsideQuietHours(new Date('2026-07-16T04:00:00Z')).toISOString(), '2026-07-16T06:00:00.000Z');
  });

  test('across the changes of time: 08:00 Paris is 07:00 UTC before, 06:00 UTC after', () => {
    // Summer time starts on Sunday 29 March 2026 at 02:00.
    const start = outsideQuietHours(new Date('2026-03-28T21:30:00Z')); // Saturday 22:30 (UTC+1)
    assert.equal(start.toISOString(), '2026-03-29T06:00:00.000Z');
    assert.equal(paris(start), '29/03/2026 08:00:00');
    // It ends on Sunday 25 October 2026 at 03:00.
    const end = outsideQuietHours(new Date('2026-10-24T20:30:00Z')); // Saturday 22:30 (UTC+2)
    assert.equal(end.toISOString(), '2026-10-25T07:00:00.000Z');
    assert.equal(paris(end), '25/10/2026 08:00:00');
    // 02:30 on the night it ends (the hour that happens twice) still waits until 08:00.
    assert.equal(outsideQuietHours(new Date('2026-10-25T00:30:00Z')).toISOString(), '2026-10-25T07:00:00.000Z');
    assert.equal(outsideQuietHours(new Date('2026-10-25T01:30:00Z')).toISOString(), '2026-10-25T07:00:00.000Z');
  });
});
