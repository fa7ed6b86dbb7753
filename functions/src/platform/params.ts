// Path parameters shared by several endpoints.
import { z } from 'zod';
import { EntityId } from '../domain/index.js';

export const DossierIdParam = z.strictObject({ dossierId: EntityId });
