"""DrawingML of docgen's own slides: the shape primitives, their colours, and the XML written for them."""
