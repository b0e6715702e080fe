import { DomainError } from './errors';
import { resolveLeadFlags, type LeadFlagsInput } from './lead-flags';

function refusal(input: LeadFlagsInput): DomainError {
  try {
    resolveLeadFlags(input);
  } catch (err) {
    return err as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('resolveLeadFlags', () => {
  it('keeps the booleans of a request that gives only them', () => {
    expect(resolveLeadFlags({ fortune500: true, specializedSme: false })).toEqual({ fortune500: true, specializedSme: false });
  });

  it('derives the booleans from the lists and the level', () => {
    expect(resolveLeadFlags({ fortune500Lists: ['global', 'china'], specializedSmeLevel: 'provincial' })).toEqual({ fortune500: true, specializedSme: true });
    expect(resolveLeadFlags({ fortune500Lists: [], specializedSme: false, specializedSmeLevel: null })).toEqual({ fortune500: false, specializedSme: false });
  });

  it('accepts both when they agree', () => {
    expect(resolveLeadFlags({ fortune500: true, fortune500Lists: ['private'], specializedSme: true, specializedSmeLevel: 'national_little_giant' })).toEqual({
      fortune500: true,
      specializedSme: true,
    });
  });

  it('refuses contradictions, naming the boolean', () => {
    expect(refusal({ fortune500: false, fortune500Lists: ['global'], specializedSme: false }).field).toBe('fortune500');
    expect(refusal({ fortune500: true, fortune500Lists: [], specializedSme: false }).field).toBe('fortune500');
    expect(refusal({ fortune500: false, specializedSme: false, specializedSmeLevel: 'provincial' }).field).toBe('specializedSme');
  });

  it('requires one of each pair', () => {
    expect(refusal({ specializedSme: true }).field).toBe('fortune500');
    expect(refusal({ fortune500: true, specializedSmeLevel: null }).field).toBe('specializedSme');
  });
});
