import {
  customerSchema,
  findDuplicateCustomer,
  normalizeEmail,
  normalizePhone,
  type Customer,
} from '@pos/shared';

export interface NewCustomerInput {
  name: string;
  email: string;
  phone: string;
}

export type NewCustomerResult =
  { ok: true; customer: Customer; existing: boolean } | { ok: false; message: string };

/**
 * A new customer record made on the till, or the one already holding that email or phone:
 * the server would merge the two anyway, so the till attaches the earlier one straight away.
 */
export function newCustomer(
  input: NewCustomerInput,
  existing: readonly Customer[],
  ids: { id: string; now: string },
): NewCustomerResult {
  const name = input.name.trim();
  const emailText = input.email.trim();
  const phoneText = input.phone.trim();
  const email = normalizeEmail(emailText);
  const phone = normalizePhone(phoneText);

  if (name === '') return { ok: false, message: 'Enter the customer’s name' };
  if (emailText !== '' && email === null) {
    return { ok: false, message: `${emailText} is not an email address` };
  }
  if (phoneText !== '' && phone === null) {
    return { ok: false, message: `${phoneText} is not a phone number (at least 7 digits)` };
  }

  const customer = customerSchema.safeParse({
    id: ids.id,
    updatedAt: ids.now,
    _deleted: false,
    name,
    email,
    phone: phoneText === '' ? null : phoneText,
    mergedInto: null,
    createdAt: ids.now,
  } satisfies Customer);
  if (!customer.success) {
    return { ok: false, message: customer.error.issues[0]?.message ?? 'Not a valid customer' };
  }

  const duplicate = findDuplicateCustomer(customer.data, existing);
  return duplicate === undefined
    ? { ok: true, customer: customer.data, existing: false }
    : { ok: true, customer: duplicate, existing: true };
}
