import type { ExitCheckDto, SealDto, SealVerdict } from '../../shared/contract/gate';

export interface SealComparison {
  verdict: Exclude<SealVerdict, 'not_required'>;
  differences: ExitCheckDto['differences'];
}

/**
 * The exit's seal check (SPEC §3.3): every seal recorded at loading must be read back at its position with the same
 * number. Nothing recorded, or a recorded seal not read → `missing`; a different number, or a seal where none was
 * recorded → `mismatch`; else `match`. A missing seal outranks a mismatch (the truck may have been opened).
 */
export function verifySeals(recorded: readonly SealDto[], presented: readonly SealDto[]): SealComparison {
  const seen = new Map(presented.map((s) => [s.position, s.sealNumber]));
  const expected = new Map(recorded.map((s) => [s.position, s.sealNumber]));
  const differences: SealComparison['differences'] = [];
  let missing = recorded.length === 0;
  for (const seal of recorded) {
    const read = seen.get(seal.position) ?? null;
    if (read === null) missing = true;
    if (read !== seal.sealNumber) differences.push({ position: seal.position, recorded: seal.sealNumber, presented: read });
  }
  for (const seal of presented) {
    if (!expected.has(seal.position)) differences.push({ position: seal.position, recorded: null, presented: seal.sealNumber });
  }
  const verdict = missing ? 'missing' : differences.length ? 'mismatch' : 'match';
  return { verdict, differences };
}
