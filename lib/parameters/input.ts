import { z } from 'zod';
import { MAX_LIST_ITEMS, MAX_PARAMETERS, MAX_VALUE_LENGTH, SCALAR_TYPES } from './types';

/** Parameter definitions and values as the API accepts them (a run's, a saved query's), every size capped. */
const value = z.string().max(MAX_VALUE_LENGTH);
const rawValue = z.union([value, z.array(value).max(MAX_LIST_ITEMS)]);
const scalarType = z.enum(SCALAR_TYPES);

export const parameterSpecsInput = z
  .array(
    z.object({
      name: z.string().min(1).max(64),
      type: z.union([scalarType, z.literal('multiSelect'), z.literal('timeRange')]),
      label: z.string().max(200).optional(),
      description: z.string().max(1000).optional(),
      default: rawValue.optional(),
      options: z.array(value).max(MAX_LIST_ITEMS).optional(),
      of: scalarType.exclude(['oneOf']).optional(),
      min: z.number().optional(),
      max: z.number().optional(),
    }),
  )
  .max(MAX_PARAMETERS);

export const parameterValuesInput = z.record(z.string().max(64), rawValue);
