"""The readiness checklist's words: 44 questions, six section titles and the advice for each band,
in every interface language.

This is content, kept here as data rather than in the gettext catalogues: the four versions of
each text sit together so that whoever edits one sees the others. Plain words, spoken to the
producer herself (es: usted; fr: vous; vi: chị).
"""
# One line per text, so that the four languages line up for whoever edits them.
# ruff: noqa: E501

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from catalogue.readiness.scoring import QUESTION_COUNT, section_of

LOCALES: Final = ("en", "es", "fr", "vi")
FALLBACK: Final = "en"


def _fr(text: str) -> str:
    # French puts a space before ? : ; ! — a no-break one, so the mark never starts a line alone
    # on a narrow phone screen.
    for mark in "?:;!":
        text = text.replace(f" {mark}", f"\u00a0{mark}")
    return text


def _texts(en: str, es: str, fr: str, vi: str) -> MappingProxyType[str, str]:
    return MappingProxyType({"en": en, "es": es, "fr": _fr(fr), "vi": vi})


SECTION_TITLES: Final = MappingProxyType(
    {
        "a": _texts("Your product", "Su producto", "Votre produit", "Sản phẩm của chị"),
        "b": _texts("Making enough", "Producir lo suficiente", "Produire assez", "Làm đủ số lượng"),
        "c": _texts(
            "Working with a facilitator",
            "Trabajar con una facilitadora",
            "Travailler avec une facilitatrice",
            "Làm việc với người điều phối",
        ),
        "d": _texts(
            "Selling through a catalogue",
            "Vender por catálogo",
            "Vendre par catalogue",
            "Bán hàng qua catalog",
        ),
        "e": _texts(
            "Help from the government",
            "Apoyos del gobierno",
            "Les aides publiques",
            "Hỗ trợ từ nhà nước",
        ),
        "f": _texts(
            "Selling to other countries",
            "Vender a otros países",
            "Vendre à l'étranger",
            "Bán hàng ra nước ngoài",
        ),
    }
)

_QUESTION_TEXTS: Final = (
    _texts(  # 1: sold over 200 items
        "Have you already sold more than 200 pieces of your product?",
        "¿Ha vendido ya más de 200 piezas de su producto?",
        "Avez-vous déjà vendu plus de 200 pièces de votre produit ?",
        "Chị đã bán được hơn 200 sản phẩm chưa?",
    ),
    _texts(  # 2: knows material costs
        "Do you know how much the materials for one piece cost you?",
        "¿Sabe cuánto le cuestan los materiales de una pieza?",
        "Savez-vous combien vous coûtent les matériaux pour une pièce ?",
        "Chị có biết nguyên liệu để làm một sản phẩm tốn bao nhiêu tiền không?",
    ),
    _texts(  # 3: knows time per item
        "Do you know how long it takes you to make one piece?",
        "¿Sabe cuánto tiempo tarda en hacer una pieza?",
        "Savez-vous combien de temps il vous faut pour faire une pièce ?",
        "Chị có biết làm một sản phẩm mất bao lâu không?",
    ),
    _texts(  # 4: price at least double the cost
        "Is your selling price at least double what one piece costs you to make?",
        "¿Su precio de venta es por lo menos el doble de lo que le cuesta hacer una pieza?",
        "Votre prix de vente est-il au moins le double de ce que vous coûte une pièce ?",
        "Giá bán của chị có gấp đôi chi phí làm ra một sản phẩm trở lên không?",
    ),
    _texts(  # 5: has shipping packaging
        "Do you have packaging that keeps your product safe when it is sent?",
        "¿Tiene un empaque que protege su producto cuando se envía?",
        "Avez-vous un emballage qui protège votre produit pendant l'envoi ?",
        "Chị có bao bì để giữ sản phẩm an toàn khi gửi đi không?",
    ),
    _texts(  # 6: knows domestic shipping cost
        "Do you know how much it costs to send your product within your country?",
        "¿Sabe cuánto cuesta enviar su producto dentro de su país?",
        "Savez-vous combien coûte l'envoi de votre produit dans votre pays ?",
        "Chị có biết gửi sản phẩm đi trong nước tốn bao nhiêu tiền không?",
    ),
    _texts(  # 7: sells to other buyers or distributors
        "Do you already sell to other buyers, shops or distributors?",
        "¿Ya le vende a otros compradores, tiendas o distribuidores?",
        "Vendez-vous déjà à d'autres acheteurs, boutiques ou distributeurs ?",
        "Chị có đang bán cho người mua, cửa hàng hoặc nhà phân phối khác không?",
    ),
    _texts(  # 8: understands the risk of sending goods to a distributor
        "Do you understand the risk of handing your goods to a distributor before you are paid?",
        "¿Entiende el riesgo de entregar su mercadería a un distribuidor antes de que le paguen?",
        "Comprenez-vous le risque de confier votre marchandise à un distributeur avant d'être payée ?",
        "Chị có hiểu rủi ro khi giao hàng cho nhà phân phối trước khi được trả tiền không?",
    ),
    _texts(  # 9: has e-mail
        "Do you have an e-mail address?",
        "¿Tiene correo electrónico?",
        "Avez-vous une adresse courriel (e-mail) ?",
        "Chị có địa chỉ email không?",
    ),
    _texts(  # 10: replies within 24 hours
        "Can you answer buyers' messages within 24 hours (one day)?",
        "¿Puede responder los mensajes de los compradores en menos de 24 horas (un día)?",
        "Pouvez-vous répondre aux messages des acheteurs en moins de 24 heures (un jour) ?",
        "Chị có thể trả lời tin nhắn của người mua trong vòng 24 giờ (một ngày) không?",
    ),
    _texts(  # 11: has a financial adviser
        "Do you have someone who advises you about money, like an accountant or an adviser?",
        "¿Tiene a alguien que le aconseje sobre el dinero, como un contador o un asesor?",
        "Avez-vous quelqu'un qui vous conseille pour l'argent, comme un comptable ou un conseiller ?",
        "Chị có người tư vấn về tiền bạc, như kế toán hoặc cố vấn tài chính không?",
    ),
    _texts(  # 12: checked restrictions on materials
        "Have you checked whether any of your materials are forbidden or limited (for example some woods, shells, feathers or plants)?",
        "¿Ha averiguado si alguno de sus materiales está prohibido o tiene restricciones (por ejemplo, algunas maderas, conchas, plumas o plantas)?",
        "Avez-vous vérifié si certains de vos matériaux sont interdits ou limités (par exemple certains bois, coquillages, plumes ou plantes) ?",
        "Chị đã kiểm tra xem trong nguyên liệu của mình có loại nào bị cấm hoặc bị hạn chế chưa (ví dụ một số loại gỗ, vỏ sò, lông chim hay cây cỏ)?",
    ),
    _texts(  # 13: can fill 30 items in a month alone
        "If a buyer asked, could you make 30 pieces in one month on your own?",
        "Si un comprador se lo pidiera, ¿podría hacer 30 piezas en un mes usted sola?",
        "Si un acheteur vous le demandait, pourriez-vous faire 30 pièces en un mois toute seule ?",
        "Nếu người mua đặt hàng, một mình chị có làm được 30 sản phẩm trong một tháng không?",
    ),
    _texts(  # 14: unique creation
        "Is your product a unique creation, different from what others make?",
        "¿Su producto es una creación única, distinta de lo que hacen otras personas?",
        "Votre produit est-il une création unique, différente de ce que font les autres ?",
        "Sản phẩm của chị có phải là sáng tạo riêng, khác với những gì người khác làm không?",
    ),
    _texts(  # 15: several competitors make it
        "Do several other people or businesses make a product like yours?",
        "¿Hay varias personas o empresas que hacen un producto parecido al suyo?",
        "Plusieurs personnes ou entreprises font-elles un produit semblable au vôtre ?",
        "Có nhiều người hoặc cơ sở khác làm sản phẩm giống của chị không?",
    ),
    _texts(  # 16: knows 3 potential distributors
        "Do you know at least 3 shops or distributors that might sell your product?",
        "¿Conoce por lo menos 3 tiendas o distribuidores que podrían vender su producto?",
        "Connaissez-vous au moins 3 boutiques ou distributeurs qui pourraient vendre votre produit ?",
        "Chị có biết ít nhất 3 cửa hàng hoặc nhà phân phối có thể bán sản phẩm của mình không?",
    ),
    _texts(  # 17: willing to meet quality standards
        "Are you willing to adjust your product to meet a buyer's quality standards?",
        "¿Está dispuesta a ajustar su producto para cumplir las exigencias de calidad de un comprador?",
        "Êtes-vous prête à adapter votre produit pour respecter les exigences de qualité d'un acheteur ?",
        "Chị có sẵn lòng điều chỉnh sản phẩm để đạt tiêu chuẩn chất lượng của người mua không?",
    ),
    _texts(  # 18: could use packaging help
        "Would help with packaging be useful to you?",
        "¿Le serviría ayuda con el empaque?",
        "Une aide pour l'emballage vous serait-elle utile ?",
        "Chị có cần được giúp về bao bì không?",
    ),
    _texts(  # 19: knows her niche market
        "Do you know who your buyers are: the particular group of people who look for a product like yours (your niche market)?",
        "¿Sabe quiénes son sus compradores: el grupo especial de personas que busca un producto como el suyo (su nicho de mercado)?",
        "Savez-vous qui sont vos acheteurs : le groupe particulier de personnes qui cherchent un produit comme le vôtre (votre marché de niche) ?",
        "Chị có biết khách hàng của mình là ai không: nhóm người riêng đang tìm sản phẩm như của chị (thị trường ngách)?",
    ),
    _texts(  # 20: has contact material ready
        "Do you have something ready that tells buyers about you and how to reach you (a card, a leaflet, a sheet with photos)?",
        "¿Tiene listo algo para que los compradores la conozcan y la contacten (una tarjeta, un folleto, una hoja con fotos)?",
        "Avez-vous quelque chose de prêt pour vous présenter aux acheteurs et leur dire comment vous joindre (une carte, un dépliant, une fiche avec photos) ?",
        "Chị đã có sẵn tài liệu giới thiệu về mình và cách liên lạc cho người mua chưa (danh thiếp, tờ rơi, trang ảnh sản phẩm)?",
    ),
    _texts(  # 21: product has an expiry date
        "Does your product have an expiry date (does it go bad after a while)?",
        "¿Su producto tiene fecha de vencimiento (se echa a perder con el tiempo)?",
        "Votre produit a-t-il une date limite (s'abîme-t-il avec le temps) ?",
        "Sản phẩm của chị có hạn sử dụng không (để lâu có bị hỏng không)?",
    ),
    _texts(  # 22: safety standards apply
        "Are there safety rules for your kind of product (for example for toys, food or cosmetics)?",
        "¿Hay normas de seguridad para su tipo de producto (por ejemplo, para juguetes, alimentos o cosméticos)?",
        "Y a-t-il des règles de sécurité pour votre type de produit (par exemple pour les jouets, les aliments ou les cosmétiques) ?",
        "Có quy định an toàn nào cho loại sản phẩm của chị không (ví dụ đồ chơi, thực phẩm hay mỹ phẩm)?",
    ),
    _texts(  # 23: knows how to insure and ship
        "Do you know how to insure your goods and ship them?",
        "¿Sabe cómo asegurar y enviar su mercadería?",
        "Savez-vous comment assurer et expédier votre marchandise ?",
        "Chị có biết cách mua bảo hiểm cho hàng và gửi hàng đi không?",
    ),
    _texts(  # 24: has photos/portfolio
        "Do you have good photos of your products, or a portfolio?",
        "¿Tiene buenas fotos de sus productos o un portafolio?",
        "Avez-vous de bonnes photos de vos produits, ou un portfolio ?",
        "Chị có ảnh đẹp về sản phẩm hoặc bộ sưu tập ảnh sản phẩm không?",
    ),
    _texts(  # 25: has specifications (sizes, colours, quantities)
        "Have you written down your product's details: sizes, colours and how many you can make?",
        "¿Tiene anotados los detalles de su producto: medidas, colores y cuántos puede hacer?",
        "Avez-vous noté les détails de votre produit : tailles, couleurs et combien vous pouvez en faire ?",
        "Chị đã ghi lại thông tin sản phẩm chưa: kích thước, màu sắc và số lượng có thể làm?",
    ),
    _texts(  # 26: has Internet access
        "Can you use the Internet, at home or nearby?",
        "¿Puede usar Internet, en su casa o cerca?",
        "Pouvez-vous utiliser Internet, chez vous ou près de chez vous ?",
        "Chị có dùng được Internet, ở nhà hoặc gần nhà không?",
    ),
    _texts(  # 27: has a digital camera
        "Do you have a digital camera, or a phone that takes good photos?",
        "¿Tiene una cámara digital o un teléfono que saque buenas fotos?",
        "Avez-vous un appareil photo numérique, ou un téléphone qui fait de bonnes photos ?",
        "Chị có máy ảnh kỹ thuật số hoặc điện thoại chụp ảnh đẹp không?",
    ),
    _texts(  # 28: willing to give a distributor 90 days' credit
        "Would you accept being paid by a distributor up to 90 days after delivery?",
        "¿Aceptaría que un distribuidor le pague hasta 90 días después de la entrega?",
        "Accepteriez-vous qu'un distributeur vous paie jusqu'à 90 jours après la livraison ?",
        "Chị có chấp nhận để nhà phân phối trả tiền chậm đến 90 ngày sau khi giao hàng không?",
    ),
    _texts(  # 29: willing to let others put their label on it
        "Would you let another business put its own label on your product?",
        "¿Dejaría que otra empresa ponga su propia etiqueta en su producto?",
        "Accepteriez-vous qu'une autre entreprise mette sa propre étiquette sur votre produit ?",
        "Chị có đồng ý để cơ sở khác gắn nhãn hiệu của họ lên sản phẩm của chị không?",
    ),
    _texts(  # 30: wants to be listed in catalogues
        "Would you like your products to be shown in catalogues?",
        "¿Le gustaría que sus productos aparezcan en catálogos?",
        "Aimeriez-vous que vos produits paraissent dans des catalogues ?",
        "Chị có muốn sản phẩm của mình được giới thiệu trong catalog không?",
    ),
    _texts(  # 31: has samples
        "Do you have samples you could send to buyers?",
        "¿Tiene muestras que podría enviar a los compradores?",
        "Avez-vous des échantillons à envoyer aux acheteurs ?",
        "Chị có hàng mẫu để gửi cho người mua không?",
    ),
    _texts(  # 32: has dealt with freight costs
        "Have you ever paid freight to send a large amount of goods?",
        "¿Alguna vez ha pagado un flete para enviar mercadería en cantidad?",
        "Avez-vous déjà payé le transport (fret) d'une grande quantité de marchandise ?",
        "Chị đã từng trả cước vận chuyển để gửi hàng số lượng lớn chưa?",
    ),
    _texts(  # 33: there is a story behind the product
        "Is there a story behind your product: about you, your community or your tradition?",
        "¿Hay una historia detrás de su producto: sobre usted, su comunidad o su tradición?",
        "Y a-t-il une histoire derrière votre produit : la vôtre, celle de votre communauté ou de votre tradition ?",
        "Sản phẩm của chị có câu chuyện phía sau không: về chị, cộng đồng hay truyền thống của chị?",
    ),
    _texts(  # 34: can market it as part of a theme or event
        "Could your product be sold as part of a theme or an event (a festival, a season, a sports event)?",
        "¿Su producto se podría vender como parte de un tema o un evento (una fiesta, una temporada, un evento deportivo)?",
        "Votre produit pourrait-il être vendu autour d'un thème ou d'un événement (une fête, une saison, un événement sportif) ?",
        "Sản phẩm của chị có thể bán theo một chủ đề hay sự kiện không (lễ hội, mùa trong năm, sự kiện thể thao)?",
    ),
    _texts(  # 35: product is a food
        "Is your product a food?",
        "¿Su producto es un alimento?",
        "Votre produit est-il un aliment ?",
        "Sản phẩm của chị có phải là thực phẩm không?",
    ),
    _texts(  # 36: has dealt with government trade departments
        "Have you ever dealt with a government trade office?",
        "¿Alguna vez ha hecho trámites con una oficina de comercio del gobierno?",
        "Avez-vous déjà eu affaire à un service de l'État chargé du commerce ?",
        "Chị đã từng làm việc với cơ quan thương mại của nhà nước chưa?",
    ),
    _texts(  # 37: aware of product-development supports
        "Do you know about programmes that help develop new products?",
        "¿Conoce programas que ayudan a desarrollar productos nuevos?",
        "Connaissez-vous des programmes qui aident à créer de nouveaux produits ?",
        "Chị có biết các chương trình hỗ trợ phát triển sản phẩm mới không?",
    ),
    _texts(  # 38: has a trademark or copyright
        "Do you have a registered trademark or copyright for your product or your designs?",
        "¿Tiene una marca registrada o derechos de autor sobre su producto o sus diseños?",
        "Avez-vous une marque déposée ou des droits d'auteur sur votre produit ou vos motifs ?",
        "Chị có nhãn hiệu đã đăng ký hoặc bản quyền cho sản phẩm hay mẫu thiết kế của mình không?",
    ),
    _texts(  # 39: knows her trade/small-business department
        "Do you know your local office for trade or small businesses?",
        "¿Conoce la oficina de comercio o de pequeñas empresas de su zona?",
        "Connaissez-vous le bureau du commerce ou des petites entreprises de votre région ?",
        "Chị có biết cơ quan phụ trách thương mại hoặc doanh nghiệp nhỏ ở địa phương không?",
    ),
    _texts(  # 40: knows international shipping cost
        "Do you know how much it costs to send your product to another country?",
        "¿Sabe cuánto cuesta enviar su producto a otro país?",
        "Savez-vous combien coûte l'envoi de votre produit vers un autre pays ?",
        "Chị có biết gửi sản phẩm ra nước ngoài tốn bao nhiêu tiền không?",
    ),
    _texts(  # 41: packaging complete with English instructions
        "Is your packaging complete, with instructions in English?",
        "¿Su empaque está completo, con instrucciones en inglés?",
        "Votre emballage est-il complet, avec des instructions en anglais ?",
        "Bao bì của chị đã đầy đủ và có hướng dẫn bằng tiếng Anh chưa?",
    ),
    _texts(  # 42: materials need an inspection agency
        "Do your materials need to be checked by an inspection agency before they can go abroad?",
        "¿Sus materiales deben ser revisados por una agencia de inspección antes de salir del país?",
        "Vos matériaux doivent-ils être contrôlés par un organisme d'inspection avant de partir à l'étranger ?",
        "Nguyên liệu của chị có cần cơ quan kiểm định kiểm tra trước khi gửi ra nước ngoài không?",
    ),
    _texts(  # 43: knows FOB, CIF, DDP
        "Do you know the shipping terms FOB, CIF and DDP (who pays for what along the way)?",
        "¿Conoce los términos de envío FOB, CIF y DDP (quién paga qué en el camino)?",
        "Connaissez-vous les conditions d'envoi FOB, CIF et DDP (qui paie quoi en chemin) ?",
        "Chị có biết các điều kiện giao hàng FOB, CIF và DDP không (ai trả chi phí nào trên đường đi)?",
    ),
    _texts(  # 44: sells well at home
        "Does your product sell well in your own country?",
        "¿Su producto se vende bien en su propio país?",
        "Votre produit se vend-il bien dans votre pays ?",
        "Sản phẩm của chị có bán chạy ở trong nước không?",
    ),
)

# One text per advice code (the codes of catalogue.readiness.scoring; each belongs to one section,
# except "not_counted", shared by C, D and F).
ADVICE: Final = MappingProxyType(
    {
        "ready_next_step": _texts(
            "Your product is ready for the next step. You can look for new buyers with confidence.",
            "Su producto está listo para dar el siguiente paso. Puede buscar nuevos compradores con confianza.",
            "Votre produit est prêt pour l'étape suivante. Vous pouvez chercher de nouveaux acheteurs en confiance.",
            "Sản phẩm của chị đã sẵn sàng cho bước tiếp theo. Chị có thể tự tin tìm thêm người mua mới.",
        ),
        "ready_for_growth": _texts(
            "Your product is ready to grow. A way of selling – with a facilitator or through a catalogue – will help you reach more buyers.",
            "Su producto está listo para crecer. Una forma de vender – con una facilitadora o por catálogo – le ayudará a llegar a más compradores.",
            "Votre produit est prêt à grandir. Une façon de vendre – avec une facilitatrice ou par catalogue – vous aidera à toucher plus d'acheteurs.",
            "Sản phẩm của chị đã sẵn sàng để phát triển. Một cách bán hàng – cùng người điều phối hoặc qua catalog – sẽ giúp chị tìm được nhiều người mua hơn.",
        ),
        "needs_development": _texts(
            "Your product needs a little more work first. Your facilitator can help you with costs, prices, packaging and quality.",
            "Su producto necesita un poco más de trabajo primero. Su facilitadora puede ayudarle con los costos, los precios, el empaque y la calidad.",
            "Votre produit a d'abord besoin d'un peu plus de travail. Votre facilitatrice peut vous aider pour les coûts, les prix, l'emballage et la qualité.",
            "Sản phẩm của chị cần hoàn thiện thêm một chút. Người điều phối có thể giúp chị về chi phí, giá bán, bao bì và chất lượng.",
        ),
        "viable": _texts(
            "You can fill a small order on your own. That is a good base.",
            "Puede cumplir sola con un pedido pequeño. Es una buena base.",
            "Vous pouvez remplir seule une petite commande. C'est une bonne base.",
            "Một mình chị đã làm được một đơn hàng nhỏ. Đó là nền tảng tốt.",
        ),
        "work_on_viability": _texts(
            "Work on making enough first: better tools, help at home, or teaming up with other producers so that together you can fill bigger orders.",
            "Primero trabaje en producir lo suficiente: mejores herramientas, ayuda en casa, o unirse a otras productoras para cumplir juntas pedidos más grandes.",
            "Travaillez d'abord à produire assez : de meilleurs outils, de l'aide à la maison, ou vous associer à d'autres productrices pour remplir ensemble de plus grosses commandes.",
            "Trước hết chị hãy tìm cách làm đủ số lượng: dụng cụ tốt hơn, người nhà phụ giúp, hoặc cùng làm với các chị em sản xuất khác để nhận được đơn hàng lớn hơn.",
        ),
        "likely_market_ready": _texts(
            "You are probably ready to sell in the market on your own.",
            "Probablemente ya está lista para vender en el mercado por su cuenta.",
            "Vous êtes sans doute prête à vendre seule sur le marché.",
            "Có lẽ chị đã sẵn sàng tự bán hàng ra thị trường.",
        ),
        "model_helps_strategy": _texts(
            "Working with a facilitator can help you decide how, where and to whom to sell.",
            "Trabajar con una facilitadora puede ayudarle a decidir cómo, dónde y a quién vender.",
            "Travailler avec une facilitatrice peut vous aider à choisir comment, où et à qui vendre.",
            "Làm việc với người điều phối có thể giúp chị quyết định bán thế nào, bán ở đâu và bán cho ai.",
        ),
        "facilitator_model_for_her": _texts(
            "Working with a facilitator is right for you: she can find buyers, check quality and help with prices and packaging.",
            "Trabajar con una facilitadora es lo indicado para usted: ella puede encontrar compradores, revisar la calidad y ayudarle con los precios y el empaque.",
            "Travailler avec une facilitatrice est fait pour vous : elle peut trouver des acheteurs, vérifier la qualité et vous aider pour les prix et l'emballage.",
            "Làm việc với người điều phối rất phù hợp với chị: họ có thể tìm người mua, kiểm tra chất lượng và giúp chị về giá bán và bao bì.",
        ),
        "catalogue_definitely_for_her": _texts(
            "Selling through a catalogue is right for you.",
            "Vender por catálogo es lo indicado para usted.",
            "Vendre par catalogue est fait pour vous.",
            "Bán hàng qua catalog rất phù hợp với chị.",
        ),
        "explore_catalogue": _texts(
            "Find out more about selling through a catalogue: appearing alongside other producers can bring you buyers.",
            "Conozca más sobre la venta por catálogo: aparecer junto a otras productoras puede traerle compradores.",
            "Renseignez-vous sur la vente par catalogue : paraître aux côtés d'autres productrices peut vous amener des acheteurs.",
            "Chị hãy tìm hiểu thêm về bán hàng qua catalog: có mặt cùng các nhà sản xuất khác có thể mang lại người mua cho chị.",
        ),
        "look_at_all_models": _texts(
            "With your facilitator, look closely at all the ways of selling before choosing one.",
            "Con su facilitadora, mire con calma todas las formas de vender antes de elegir una.",
            "Avec votre facilitatrice, regardez de près toutes les façons de vendre avant d'en choisir une.",
            "Cùng người điều phối, chị hãy xem kỹ tất cả các cách bán hàng trước khi chọn một cách.",
        ),
        "policy_helpful": _texts(
            "Government programmes look useful for you. Ask about them.",
            "Los programas del gobierno parecen útiles para usted. Pregunte por ellos.",
            "Les programmes publics semblent utiles pour vous. Renseignez-vous.",
            "Các chương trình của nhà nước có vẻ hữu ích cho chị. Chị hãy hỏi thêm về chúng.",
        ),
        "learn_local_resources": _texts(
            "Find out what your local government offers producers: training, fairs, grants and advice.",
            "Averigüe qué ofrece el gobierno local a las productoras: capacitación, ferias, fondos y asesoría.",
            "Renseignez-vous sur ce que les autorités locales offrent aux productrices : formations, foires, subventions et conseils.",
            "Chị hãy tìm hiểu chính quyền địa phương hỗ trợ gì cho người sản xuất: đào tạo, hội chợ, tài trợ và tư vấn.",
        ),
        "likely_export_ready": _texts(
            "You are probably ready to sell to other countries.",
            "Probablemente ya está lista para vender a otros países.",
            "Vous êtes sans doute prête à vendre dans d'autres pays.",
            "Có lẽ chị đã sẵn sàng bán hàng ra nước ngoài.",
        ),
        "not_yet_export_ready": _texts(
            "You are not ready to sell to other countries yet. Your facilitator can help you learn the steps: shipping costs, packaging, inspections and trade terms.",
            "Todavía no está lista para vender a otros países. Su facilitadora puede ayudarle a conocer los pasos: costos de envío, empaque, inspecciones y condiciones de venta.",
            "Vous n'êtes pas encore prête à vendre à l'étranger. Votre facilitatrice peut vous aider à apprendre les étapes : frais d'envoi, emballage, inspections et conditions de vente.",
            "Chị chưa sẵn sàng bán hàng ra nước ngoài. Người điều phối có thể giúp chị tìm hiểu từng bước: chi phí gửi hàng, bao bì, kiểm định và điều kiện giao hàng.",
        ),
        "not_counted": _texts(
            "This part counts once part A (your product) scores more than 6.",
            "Esta parte cuenta cuando la parte A (su producto) tiene más de 6 puntos.",
            "Cette partie compte quand la partie A (votre produit) a plus de 6 points.",
            "Phần này chỉ được tính khi phần A (sản phẩm của chị) đạt trên 6 điểm.",
        ),
    }
)


@dataclass(frozen=True)
class Question:
    number: int
    section: str
    texts: MappingProxyType[str, str]

    def text(self, locale: str) -> str:
        return _pick(self.texts, locale)


QUESTIONS: Final = tuple(
    Question(n, section_of(n), texts) for n, texts in enumerate(_QUESTION_TEXTS, start=1)
)


def _pick(texts: MappingProxyType[str, str], locale: str | None) -> str:
    # "es_CL" and "es-CL" fall back to "es", then to English.
    code = str(locale or FALLBACK)
    return texts.get(code) or texts.get(code.replace("-", "_").split("_")[0]) or texts[FALLBACK]


def question_text(number: int, locale: str | None) -> str:
    """Question ``number`` (1–44) in ``locale``, falling back to English."""
    if not 1 <= number <= QUESTION_COUNT:
        raise ValueError(f"there is no question {number}")
    return QUESTIONS[number - 1].text(str(locale or FALLBACK))


def section_title(section: str, locale: str | None) -> str:
    """The plain title of section ``section`` (``"a"``–``"f"``) in ``locale``."""
    return _pick(SECTION_TITLES[section], locale)


def advice_text(code: str, locale: str | None) -> str:
    """The advice for ``code`` (see ``scoring``) in ``locale``, falling back to English."""
    return _pick(ADVICE[code], locale)


def questions_in(section: str) -> tuple[Question, ...]:
    return tuple(q for q in QUESTIONS if q.section == section)
