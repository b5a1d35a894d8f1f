-- Created in the DIDTron UI, never in git.
INSERT INTO carrier_interconnects (carrier_id, name, direction, short_code, tech_prefix)
  SELECT id, 'ams-1', 'egress', 'I90', '0031' FROM carriers WHERE code = 'ACME';
INSERT INTO interconnect_ip_addresses (interconnect_id, ip_address, address_type)
  SELECT id, '198.51.100.7', 'transport' FROM carrier_interconnects WHERE name = 'ams-1';
INSERT INTO interconnect_codecs (interconnect_id, codec_name, ptime, display_order)
  SELECT id, 'PCMA', 20, 0 FROM carrier_interconnects WHERE name = 'ams-1';
INSERT INTO customer_rating_plans (name, currency, short_code) VALUES ('EU Wholesale: "core" #2', 'EUR', 'P90');
INSERT INTO customer_rating_plan_rates (rating_plan_id, prefix, destination, rate)
  SELECT id, '31', 'Netherlands', 0.0085 FROM customer_rating_plans WHERE short_code = 'P90';
INSERT INTO customer_rating_plan_rates (rating_plan_id, prefix, destination, rate, effective_date)
  SELECT id, '0049', 'Germany, "mobile"', 0.021, '2026-01-01' FROM customer_rating_plans WHERE short_code = 'P90';
INSERT INTO carrier_services (carrier_id, interconnect_id, rating_plan_id, name, direction, short_code, priority)
  SELECT c.id, i.id, p.id, 'eu-termination', 'egress', 'S90', 2
    FROM carriers c, carrier_interconnects i, customer_rating_plans p
   WHERE c.code = 'ACME' AND i.name = 'ams-1' AND p.short_code = 'P90';
-- Not related to anything in the config: only `--all` brings these in.
INSERT INTO carriers (code, name, partner_type, primary_currency_id)
  SELECT 'INITECH', 'Initech, Inc.', 'supplier', id FROM currencies WHERE code = 'USD';
INSERT INTO customer_categories (code, name, display_order) VALUES ('VIP', 'VIP: "gold" customers', 2);
