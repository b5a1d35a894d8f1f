-- The promotion ended; someone removed it in the DIDTron UI.
DELETE FROM carrier_services WHERE name = 'promo-out';
DELETE FROM carrier_interconnects WHERE name = 'ams-1';
DELETE FROM customer_rating_plans WHERE name = 'Promo';
