-- Lookups that pushes and the report routes make inside one tenant's documents.
create index documents_refund_of_idx on documents (tenant_id, (data ->> 'refundOfSaleId'))
  where collection = 'sales';
create index documents_receipt_number_idx on documents (tenant_id, (data ->> 'receiptNumber'))
  where collection = 'sales';
create index documents_shift_idx on documents (tenant_id, collection, (data ->> 'shiftId'))
  where collection in ('sales', 'cash_movements');
create index documents_device_shifts_idx on documents (tenant_id, (data ->> 'deviceId'))
  where collection = 'shifts';
