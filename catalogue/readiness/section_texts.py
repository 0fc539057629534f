"""The readiness checklist's section titles and advice, in every interface language: data only.

Like ``question_texts``: content kept as data rather than in the gettext catalogues, the four
versions of each text together, plain words spoken to the producer herself. ``questions``
reads these tables.

Write French with an ordinary space before ? : ; ! - ``questions`` makes it a no-break one.
"""
# One line per text, so that the four languages line up for whoever edits them.
# ruff: noqa: E501

from __future__ import annotations

from typing import Final

# One title per section of catalogue.readiness.scoring ("a"-"f").
SECTION_TITLES: Final[dict[str, dict[str, str]]] = {
    "a": {
        "en": "Your product",
        "es": "Su producto",
        "fr": "Votre produit",
        "vi": "Sản phẩm của chị",
    },
    "b": {
        "en": "Making enough",
        "es": "Producir lo suficiente",
        "fr": "Produire assez",
        "vi": "Làm đủ số lượng",
    },
    "c": {
        "en": "Working with a facilitator",
        "es": "Trabajar con una facilitadora",
        "fr": "Travailler avec une facilitatrice",
        "vi": "Làm việc với người điều phối",
    },
    "d": {
        "en": "Selling through a catalogue",
        "es": "Vender por catálogo",
        "fr": "Vendre par catalogue",
        "vi": "Bán hàng qua catalog",
    },
    "e": {
        "en": "Help from the government",
        "es": "Apoyos del gobierno",
        "fr": "Les aides publiques",
        "vi": "Hỗ trợ từ nhà nước",
    },
    "f": {
        "en": "Selling to other countries",
        "es": "Vender a otros países",
        "fr": "Vendre à l'étranger",
        "vi": "Bán hàng ra nước ngoài",
    },
}

# One text per advice code (the codes of catalogue.readiness.scoring; each belongs to one section,
# except "not_counted", shared by C, D and F).
ADVICE: Final[dict[str, dict[str, str]]] = {
    "ready_next_step": {
        "en": "Your product is ready for the next step. You can look for new buyers with confidence.",
        "es": "Su producto está listo para dar el siguiente paso. Puede buscar nuevos compradores con confianza.",
        "fr": "Votre produit est prêt pour l'étape suivante. Vous pouvez chercher de nouveaux acheteurs en confiance.",
        "vi": "Sản phẩm của chị đã sẵn sàng cho bước tiếp theo. Chị có thể tự tin tìm thêm người mua mới.",
    },
    "ready_for_growth": {
        "en": "Your product is ready to grow. A way of selling – with a facilitator or through a catalogue – will help you reach more buyers.",
        "es": "Su producto está listo para crecer. Una forma de vender – con una facilitadora o por catálogo – le ayudará a llegar a más compradores.",
        "fr": "Votre produit est prêt à grandir. Une façon de vendre – avec une facilitatrice ou par catalogue – vous aidera à toucher plus d'acheteurs.",
        "vi": "Sản phẩm của chị đã sẵn sàng để phát triển. Một cách bán hàng – cùng người điều phối hoặc qua catalog – sẽ giúp chị tìm được nhiều người mua hơn.",
    },
    "needs_development": {
        "en": "Your product needs a little more work first. Your facilitator can help you with costs, prices, packaging and quality.",
        "es": "Su producto necesita un poco más de trabajo primero. Su facilitadora puede ayudarle con los costos, los precios, el empaque y la calidad.",
        "fr": "Votre produit a d'abord besoin d'un peu plus de travail. Votre facilitatrice peut vous aider pour les coûts, les prix, l'emballage et la qualité.",
        "vi": "Sản phẩm của chị cần hoàn thiện thêm một chút. Người điều phối có thể giúp chị về chi phí, giá bán, bao bì và chất lượng.",
    },
    "viable": {
        "en": "You can fill a small order on your own. That is a good base.",
        "es": "Puede cumplir sola con un pedido pequeño. Es una buena base.",
        "fr": "Vous pouvez remplir seule une petite commande. C'est une bonne base.",
        "vi": "Một mình chị đã làm được một đơn hàng nhỏ. Đó là nền tảng tốt.",
    },
    "work_on_viability": {
        "en": "Work on making enough first: better tools, help at home, or teaming up with other producers so that together you can fill bigger orders.",
        "es": "Primero trabaje en producir lo suficiente: mejores herramientas, ayuda en casa, o unirse a otras productoras para cumplir juntas pedidos más grandes.",
        "fr": "Travaillez d'abord à produire assez : de meilleurs outils, de l'aide à la maison, ou vous associer à d'autres productrices pour remplir ensemble de plus grosses commandes.",
        "vi": "Trước hết chị hãy tìm cách làm đủ số lượng: dụng cụ tốt hơn, người nhà phụ giúp, hoặc cùng làm với các chị em sản xuất khác để nhận được đơn hàng lớn hơn.",
    },
    "likely_market_ready": {
        "en": "You are probably ready to sell in the market on your own.",
        "es": "Probablemente ya está lista para vender en el mercado por su cuenta.",
        "fr": "Vous êtes sans doute prête à vendre seule sur le marché.",
        "vi": "Có lẽ chị đã sẵn sàng tự bán hàng ra thị trường.",
    },
    "model_helps_strategy": {
        "en": "Working with a facilitator can help you decide how, where and to whom to sell.",
        "es": "Trabajar con una facilitadora puede ayudarle a decidir cómo, dónde y a quién vender.",
        "fr": "Travailler avec une facilitatrice peut vous aider à choisir comment, où et à qui vendre.",
        "vi": "Làm việc với người điều phối có thể giúp chị quyết định bán thế nào, bán ở đâu và bán cho ai.",
    },
    "facilitator_model_for_her": {
        "en": "Working with a facilitator is right for you: she can find buyers, check quality and help with prices and packaging.",
        "es": "Trabajar con una facilitadora es lo indicado para usted: ella puede encontrar compradores, revisar la calidad y ayudarle con los precios y el empaque.",
        "fr": "Travailler avec une facilitatrice est fait pour vous : elle peut trouver des acheteurs, vérifier la qualité et vous aider pour les prix et l'emballage.",
        "vi": "Làm việc với người điều phối rất phù hợp với chị: họ có thể tìm người mua, kiểm tra chất lượng và giúp chị về giá bán và bao bì.",
    },
    "catalogue_definitely_for_her": {
        "en": "Selling through a catalogue is right for you.",
        "es": "Vender por catálogo es lo indicado para usted.",
        "fr": "Vendre par catalogue est fait pour vous.",
        "vi": "Bán hàng qua catalog rất phù hợp với chị.",
    },
    "explore_catalogue": {
        "en": "Find out more about selling through a catalogue: appearing alongside other producers can bring you buyers.",
        "es": "Conozca más sobre la venta por catálogo: aparecer junto a otras productoras puede traerle compradores.",
        "fr": "Renseignez-vous sur la vente par catalogue : paraître aux côtés d'autres productrices peut vous amener des acheteurs.",
        "vi": "Chị hãy tìm hiểu thêm về bán hàng qua catalog: có mặt cùng các nhà sản xuất khác có thể mang lại người mua cho chị.",
    },
    "look_at_all_models": {
        "en": "With your facilitator, look closely at all the ways of selling before choosing one.",
        "es": "Con su facilitadora, mire con calma todas las formas de vender antes de elegir una.",
        "fr": "Avec votre facilitatrice, regardez de près toutes les façons de vendre avant d'en choisir une.",
        "vi": "Cùng người điều phối, chị hãy xem kỹ tất cả các cách bán hàng trước khi chọn một cách.",
    },
    "policy_helpful": {
        "en": "Government programmes look useful for you. Ask about them.",
        "es": "Los programas del gobierno parecen útiles para usted. Pregunte por ellos.",
        "fr": "Les programmes publics semblent utiles pour vous. Renseignez-vous.",
        "vi": "Các chương trình của nhà nước có vẻ hữu ích cho chị. Chị hãy hỏi thêm về chúng.",
    },
    "learn_local_resources": {
        "en": "Find out what your local government offers producers: training, fairs, grants and advice.",
        "es": "Averigüe qué ofrece el gobierno local a las productoras: capacitación, ferias, fondos y asesoría.",
        "fr": "Renseignez-vous sur ce que les autorités locales offrent aux productrices : formations, foires, subventions et conseils.",
        "vi": "Chị hãy tìm hiểu chính quyền địa phương hỗ trợ gì cho người sản xuất: đào tạo, hội chợ, tài trợ và tư vấn.",
    },
    "likely_export_ready": {
        "en": "You are probably ready to sell to other countries.",
        "es": "Probablemente ya está lista para vender a otros países.",
        "fr": "Vous êtes sans doute prête à vendre dans d'autres pays.",
        "vi": "Có lẽ chị đã sẵn sàng bán hàng ra nước ngoài.",
    },
    "not_yet_export_ready": {
        "en": "You are not ready to sell to other countries yet. Your facilitator can help you learn the steps: shipping costs, packaging, inspections and trade terms.",
        "es": "Todavía no está lista para vender a otros países. Su facilitadora puede ayudarle a conocer los pasos: costos de envío, empaque, inspecciones y condiciones de venta.",
        "fr": "Vous n'êtes pas encore prête à vendre à l'étranger. Votre facilitatrice peut vous aider à apprendre les étapes : frais d'envoi, emballage, inspections et conditions de vente.",
        "vi": "Chị chưa sẵn sàng bán hàng ra nước ngoài. Người điều phối có thể giúp chị tìm hiểu từng bước: chi phí gửi hàng, bao bì, kiểm định và điều kiện giao hàng.",
    },
    "not_counted": {
        "en": "This part counts once part A (your product) scores more than 6.",
        "es": "Esta parte cuenta cuando la parte A (su producto) tiene más de 6 puntos.",
        "fr": "Cette partie compte quand la partie A (votre produit) a plus de 6 points.",
        "vi": "Phần này chỉ được tính khi phần A (sản phẩm của chị) đạt trên 6 điểm.",
    },
}
