-- The rates desk edited the deck in the DIDTron UI.
UPDATE customer_rating_plan_rates SET rate = 0.009 WHERE prefix = '4420';
UPDATE customer_rating_plan_rates SET destination = 'UK Mobile "Personal", premium' WHERE prefix = '4470';
DELETE FROM customer_rating_plan_rates WHERE prefix = '447';
INSERT INTO customer_rating_plan_rates (rating_plan_id, prefix, destination, rate, connection_fee)
  SELECT id, '4479', 'UK Mobile, other', 0.04, 0.01 FROM customer_rating_plans WHERE name = 'UK Wholesale';
INSERT INTO customer_rating_plan_rates (rating_plan_id, prefix, destination, rate, effective_date)
  SELECT id, '44', 'United Kingdom', 0.011, '2026-03-01' FROM customer_rating_plans WHERE name = 'UK Wholesale';
