UPDATE customer_rating_plan_rates SET rate = 0.0125 WHERE prefix = '44';
UPDATE customer_rating_plan_rates SET connection_fee = NULL, end_date = '2027-02-28' WHERE prefix = '447';
DELETE FROM customer_rating_plan_rates WHERE prefix = '4420';
INSERT INTO customer_rating_plan_rates (rating_plan_id, prefix, destination, rate)
  SELECT id, '353', 'Ireland: fixed #1', 0.015 FROM customer_rating_plans WHERE name = 'UK Retail';
UPDATE customer_rating_plans SET time_zone = 'Europe/London', min_margin = 0.002 WHERE name = 'UK Retail';
